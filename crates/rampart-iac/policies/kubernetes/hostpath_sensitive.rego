# METADATA
# title: Pod mounts a sensitive host directory
# description: A hostPath volume mounts the node's root filesystem or a system directory (/etc, /proc, /sys, /dev, /boot, /root, /var/lib/kubelet, /var/lib/etcd, /var/lib/docker, /var/lib/containerd, /etc/kubernetes).
# custom:
#   id: k8s-hostpath-sensitive
#   severity: critical
#   kinds: [kubernetes]
#   cwe: [668, 250]
#   owasp: ["A05:2021", "A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: These paths hold node credentials (kubelet and etcd keys, kubeconfigs, /etc/shadow), kernel interfaces and other containers' filesystems; mounting them is a direct route to node and cluster takeover.
#   remediation: Remove the volume. Node agents that truly need one file should mount that single file read-only and run with a dedicated, audited service account.
#   references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath", "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: rootfs, namespace: ops}
#         spec:
#           containers: [{name: c, image: "busybox:1.36"}]
#           volumes:
#             - name: host
#               hostPath: {path: /}
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: node-tool, namespace: ops}
#         spec:
#           template:
#             spec:
#               containers: [{name: c, image: "tool:1"}]
#               volumes:
#                 - name: kubelet
#                   hostPath: {path: /var/lib/kubelet/pki/}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: log-agent, namespace: ops}
#         spec:
#           template:
#             spec:
#               containers: [{name: c, image: "fluent-bit:3.0"}]
#               volumes:
#                 - name: pods
#                   hostPath: {path: /var/log/pods}
#                 - name: etcish
#                   hostPath: {path: /etcetera}
package rampart.kubernetes.hostpath_sensitive

import data.rampart.lib.k8s_hostpath as hp
import rego.v1

sensitive := {
	"/etc", "/proc", "/sys", "/dev", "/boot", "/root", "/var/lib/kubelet",
	"/var/lib/etcd", "/var/lib/docker", "/var/lib/containerd", "/etc/kubernetes",
	"/var/lib/rancher",
}

hit(p) if p == "/"

hit(p) if {
	some d in sensitive
	hp.under(p, d)
	not benign(p)
}

# Single files under the sensitive trees that node agents commonly read and that hold no secret.
benign(p) if p in {"/dev/null", "/etc/localtime", "/etc/timezone", "/usr/share/zoneinfo", "/etc/machine-id"}

deny contains result if {
	some x in hp.host_paths
	hit(x.path)
	result := {
		"msg": sprintf("%s mounts sensitive host path %q", [x.resource.address, x.path]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
