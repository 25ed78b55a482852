# METADATA
# title: Compose service mounts a sensitive host directory
# description: A service bind-mounts the host's root filesystem or a system directory (/etc, /proc, /sys, /dev, /boot, /root, /var/lib/docker).
# custom:
#   id: compose-sensitive-host-mount
#   severity: high
#   kinds: [compose]
#   cwe: [668]
#   owasp: ["A05:2021", "A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: These paths contain host credentials, kernel interfaces and other containers' data; a writable mount of them is a host takeover and even read-only ones leak secrets.
#   remediation: Mount only the specific application files needed, read-only, or use named volumes.
#   references: ["https://docs.docker.com/engine/storage/bind-mounts/"]
#   examples:
#     fail:
#       - |
#         services:
#           backup:
#             image: acme/backup:3
#             volumes:
#               - /:/host:ro
#       - |
#         services:
#           app:
#             image: acme/app:1
#             volumes:
#               - type: bind
#                 source: /etc
#                 target: /host-etc
#     pass:
#       - |
#         services:
#           app:
#             image: acme/app:1
#             volumes:
#               - ./config:/app/config:ro
#               - data:/var/lib/app
#               - /etc/localtime:/etc/localtime:ro
#         volumes:
#           data: {}
package rampart.compose.sensitive_host_mount

import data.rampart.lib.ci_compose as dc
import rego.v1

dirs := {"/etc", "/proc", "/sys", "/dev", "/boot", "/root", "/var/lib/docker", "/var/lib/containerd", "/var/lib/kubelet"}

benign := {"/etc/localtime", "/etc/timezone", "/dev/null", "/etc/machine-id"}

hit(p) if p == "/"

hit(p) if {
	some d in dirs
	under(p, d)
	not p in benign
}

under(p, d) if p == d

under(p, d) if startswith(p, concat("", [d, "/"]))

deny contains result if {
	some b in dc.binds
	hit(b.source)
	result := {"msg": sprintf("%s mounts sensitive host path %s", [b.resource.address, b.source]), "resource": b.resource.address, "attribute": b.attribute}
}
