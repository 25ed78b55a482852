# METADATA
# title: Container adds a capability that enables host escape
# description: capabilities.add includes ALL, SYS_MODULE, SYS_PTRACE, SYS_RAWIO, SYS_BOOT, DAC_READ_SEARCH, NET_ADMIN, BPF, PERFMON, SYS_TIME, MAC_ADMIN or MAC_OVERRIDE.
# custom:
#   id: k8s-dangerous-capability
#   severity: high
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Each of these capabilities has a documented path out of the container or onto the node - loading kernel modules, tracing other processes, reading host files by handle, reprogramming the network or the kernel through eBPF.
#   remediation: Remove the capability. If a node agent needs it, run it in a dedicated namespace with a reviewed Pod Security exemption.
#   references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html", "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: tracer, namespace: obs}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: t
#                   image: tracer:0.9
#                   securityContext: {capabilities: {add: ["SYS_PTRACE", "BPF"]}}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: tracer, namespace: obs}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: t
#                   image: tracer:0.9
#                   securityContext: {capabilities: {add: ["CHOWN"]}}
package rampart.kubernetes.dangerous_capability

import data.rampart.lib.k8s_workload as k8s
import rego.v1

dangerous := {
	"ALL", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "SYS_BOOT", "DAC_READ_SEARCH",
	"NET_ADMIN", "BPF", "PERFMON", "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE",
}

deny contains result if {
	some x in k8s.containers
	hits := k8s.added_caps(x.container) & dangerous
	count(hits) > 0
	result := {
		"msg": sprintf("container %q of %s adds dangerous capabilities %v", [x.container.name, x.resource.address, sort(hits)]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.securityContext.capabilities.add", [x.path]),
	}
}
