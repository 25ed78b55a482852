# METADATA
# title: Pod sets an unsafe sysctl
# description: spec.securityContext.sysctls contains a kernel parameter outside the namespaced "safe" set Kubernetes allows by default.
# custom:
#   id: k8s-unsafe-sysctls
#   severity: high
#   kinds: [kubernetes]
#   cwe: [693]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Unsafe sysctls are not isolated per pod or can exhaust node resources; changing them from a pod affects the node and its other workloads.
#   remediation: Use only the safe sysctls (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_local_reserved_ports, net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes) or tune the node itself.
#   references: ["https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/", "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"]
#   aliases:
#     trivy: [KSV026, AVD-KSV-0026]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           securityContext:
#             sysctls: [{name: kernel.msgmax, value: "65536"}]
#           containers: [{name: c, image: "app:1"}]
#     pass:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           securityContext:
#             sysctls: [{name: net.ipv4.ip_local_port_range, value: "1024 65535"}]
#           containers: [{name: c, image: "app:1"}]
package rampart.kubernetes.unsafe_sysctls

import data.rampart.lib.k8s_workload as k8s
import rego.v1

safe := {
	"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
}

deny contains result if {
	some p in k8s.pods
	r := p.resource
	some i, s in k8s.sc(p.spec).sysctls
	not s.name in safe
	result := {
		"msg": sprintf("%s sets unsafe sysctl %q", [r.address, s.name]),
		"resource": r.address,
		"attribute": sprintf("%s.securityContext.sysctls.%d.name", [p.path, i]),
	}
}
