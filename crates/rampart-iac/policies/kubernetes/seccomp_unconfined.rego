# METADATA
# title: Seccomp is explicitly disabled
# description: The container's seccomp profile is Unconfined (securityContext.seccompProfile.type or the legacy seccomp annotation).
# custom:
#   id: k8s-seccomp-unconfined
#   severity: high
#   kinds: [kubernetes]
#   cwe: [693]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Without a seccomp filter every syscall reaches the kernel, including rarely used ones behind many container-escape CVEs; the baseline Pod Security Standard forbids Unconfined.
#   remediation: Use seccompProfile type RuntimeDefault (or a Localhost profile written for the workload).
#   references: ["https://kubernetes.io/docs/tutorials/security/seccomp/", "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"]
#   aliases:
#     trivy: [KSV104, AVD-KSV-0104]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               securityContext: {seccompProfile: {type: Unconfined}}
#               containers: [{name: api, image: "api:2"}]
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata:
#           name: legacy
#           namespace: a
#           annotations: {seccomp.security.alpha.kubernetes.io/pod: unconfined}
#         spec:
#           containers: [{name: c, image: "app:1"}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               securityContext: {seccompProfile: {type: Unconfined}}
#               containers:
#                 - name: api
#                   image: api:2
#                   securityContext: {seccompProfile: {type: RuntimeDefault}}
package rampart.kubernetes.seccomp_unconfined

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	k8s.seccomp_type(x) == "Unconfined"
	result := {
		"msg": sprintf("container %q of %s runs without seccomp (Unconfined)", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": k8s.effective_path(x, "seccompProfile"),
	}
}
