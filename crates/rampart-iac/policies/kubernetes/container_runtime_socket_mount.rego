# METADATA
# title: Pod mounts the containerd or CRI-O runtime socket
# description: A hostPath volume exposes the node's container runtime socket (containerd, CRI-O, cri-dockerd) to the pod.
# custom:
#   id: k8s-container-runtime-socket-mount
#   severity: critical
#   kinds: [kubernetes]
#   cwe: [250, 668]
#   owasp: ["A05:2021", "A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: The CRI socket controls every container on the node; a client can create privileged containers or exec into other pods, bypassing Kubernetes authorization and audit.
#   remediation: Remove the mount. Monitoring agents should use the kubelet or metrics APIs; builds should use rootless builders.
#   references: ["https://kubernetes.io/docs/setup/production-environment/container-runtimes/", "https://github.com/containerd/containerd/blob/main/docs/ops.md"]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: scanner, namespace: sec}
#         spec:
#           template:
#             spec:
#               containers: [{name: s, image: "scanner:1.0"}]
#               volumes:
#                 - name: cri
#                   hostPath: {path: /run/containerd/containerd.sock}
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: scanner, namespace: sec}
#         spec:
#           template:
#             spec:
#               containers: [{name: s, image: "scanner:1.0"}]
#               volumes:
#                 - name: crio
#                   hostPath: {path: /var/run/crio}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: scanner, namespace: sec}
#         spec:
#           template:
#             spec:
#               containers: [{name: s, image: "scanner:1.0"}]
#               volumes:
#                 - name: logs
#                   hostPath: {path: /var/log/containers}
package rampart.kubernetes.container_runtime_socket_mount

import data.rampart.lib.k8s_hostpath as hp
import rego.v1

sockets := {
	"/run/containerd/containerd.sock", "/var/run/containerd/containerd.sock",
	"/run/crio/crio.sock", "/var/run/crio/crio.sock",
	"/run/cri-dockerd.sock", "/var/run/cri-dockerd.sock",
	"/run/k3s/containerd/containerd.sock",
}

hit(p) if p in sockets

hit(p) if {
	some s in sockets
	hp.ancestor_of(p, s)
	not p in {"/", "/run", "/var/run", "/var"}
}

deny contains result if {
	some x in hp.host_paths
	hit(x.path)
	result := {
		"msg": sprintf("%s mounts the container runtime socket via host path %q", [x.resource.address, x.path]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
