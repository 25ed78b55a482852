# METADATA
# title: Container adds the NET_RAW capability
# description: securityContext.capabilities.add includes NET_RAW, which allows crafting raw packets.
# custom:
#   id: k8s-cap-net-raw-added
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Raw sockets let a compromised container spoof traffic, run ARP/DNS spoofing against neighbouring pods and exploit kernel networking bugs.
#   remediation: Remove NET_RAW from capabilities.add; ping works without it on modern kernels through net.ipv4.ping_group_range.
#   references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html", "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container"]
#   aliases:
#     trivy: [KSV119, AVD-KSV-0119]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: net, namespace: a}
#         spec:
#           containers:
#             - name: c
#               image: tools:1
#               securityContext: {capabilities: {add: ["NET_RAW"]}}
#     pass:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: net, namespace: a}
#         spec:
#           containers:
#             - name: c
#               image: tools:1
#               securityContext: {capabilities: {drop: ["NET_RAW"]}}
package rampart.kubernetes.cap_net_raw_added

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	"NET_RAW" in k8s.added_caps(x.container)
	result := {
		"msg": sprintf("container %q of %s adds capability NET_RAW", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.securityContext.capabilities.add", [x.path]),
	}
}
