# METADATA
# title: Pod mounts the Docker daemon socket
# description: A hostPath volume exposes /var/run/docker.sock (or the directory holding it) to the pod.
# custom:
#   id: k8s-docker-socket-mount
#   severity: critical
#   kinds: [kubernetes]
#   cwe: [250, 668]
#   owasp: ["A05:2021", "A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Whoever can talk to the Docker socket can start a privileged container with the host's root filesystem mounted, which is root on the node.
#   remediation: Do not mount the Docker socket. Build images with rootless tools (BuildKit rootless, kaniko, buildah) and talk to registries over their APIs.
#   references: ["https://docs.docker.com/engine/security/#docker-daemon-attack-surface", "https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"]
#   aliases:
#     checkov: [CKV_K8S_27]
#     trivy: [KSV006, AVD-KSV-0006]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: ci-runner, namespace: ci}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: runner
#                   image: runner:3.4
#                   volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}]
#               volumes:
#                 - name: sock
#                   hostPath: {path: /var/run/docker.sock, type: Socket}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: ci-runner, namespace: ci}
#         spec:
#           template:
#             spec:
#               containers: [{name: runner, image: "runner:3.4"}]
#               volumes:
#                 - name: work
#                   emptyDir: {}
package rampart.kubernetes.docker_socket_mount

import data.rampart.lib.k8s_hostpath as hp
import rego.v1

sockets := {"/var/run/docker.sock", "/run/docker.sock"}

hit(p) if p in sockets

hit(p) if {
	some s in sockets
	hp.ancestor_of(p, s)
	p != "/"
}

deny contains result if {
	some x in hp.host_paths
	hit(x.path)
	result := {
		"msg": sprintf("%s mounts the Docker socket via host path %q", [x.resource.address, x.path]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
