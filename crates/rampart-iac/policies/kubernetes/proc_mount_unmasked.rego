# METADATA
# title: Container uses an unmasked /proc
# description: securityContext.procMount is Unmasked, turning off the masking of sensitive /proc paths.
# custom:
#   id: k8s-proc-mount-unmasked
#   severity: high
#   kinds: [kubernetes]
#   cwe: [200, 693]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Runtimes mask /proc/kcore, /proc/sysrq-trigger and similar files because they leak kernel memory or control the host; Unmasked exposes them (the baseline Pod Security Standard allows only Default).
#   remediation: Remove procMount or set it to Default.
#   references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"]
#   aliases:
#     trivy: [KSV027, AVD-KSV-0027]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           hostUsers: false
#           containers:
#             - name: c
#               image: app:1
#               securityContext: {procMount: Unmasked}
#     pass:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           containers:
#             - name: c
#               image: app:1
#               securityContext: {procMount: Default}
package rampart.kubernetes.proc_mount_unmasked

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	pm := k8s.sc(x.container).procMount
	pm != "Default"
	result := {
		"msg": sprintf("container %q of %s sets procMount %q", [x.container.name, x.resource.address, pm]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.securityContext.procMount", [x.path]),
	}
}
