# METADATA
# title: Compose service mounts the Docker socket
# description: A service bind-mounts /var/run/docker.sock (or /run/docker.sock, or a containerd socket).
# custom:
#   id: compose-docker-socket
#   severity: critical
#   kinds: [compose]
#   cwe: [250, 668]
#   owasp: ["A05:2021", "A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Access to the Docker socket is root on the host - the container can start a privileged container with the host filesystem mounted.
#   remediation: Remove the mount; if a tool must talk to Docker, put a filtering socket proxy in front with only the API calls it needs, read-only.
#   references: ["https://docs.docker.com/engine/security/#docker-daemon-attack-surface"]
#   examples:
#     fail:
#       - |
#         services:
#           traefik:
#             image: traefik:v3.1
#             volumes:
#               - /var/run/docker.sock:/var/run/docker.sock:ro
#     pass:
#       - |
#         services:
#           traefik:
#             image: traefik:v3.1
#             volumes:
#               - ./traefik.yml:/etc/traefik/traefik.yml:ro
package rampart.compose.docker_socket

import data.rampart.lib.ci_compose as dc
import rego.v1

sockets := {"/var/run/docker.sock", "/run/docker.sock", "/var/run", "/run", "/run/containerd/containerd.sock", "/var/run/containerd/containerd.sock"}

deny contains result if {
	some b in dc.binds
	b.source in sockets
	result := {"msg": sprintf("%s mounts the container runtime socket %s", [b.resource.address, b.source]), "resource": b.resource.address, "attribute": b.attribute}
}
