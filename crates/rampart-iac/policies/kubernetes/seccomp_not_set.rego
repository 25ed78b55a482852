# METADATA
# title: No seccomp profile is set
# description: Neither the pod nor the container selects a seccomp profile, so on most clusters the container runs Unconfined.
# custom:
#   id: k8s-seccomp-not-set
#   severity: low
#   kinds: [kubernetes]
#   cwe: [693]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Kubernetes does not apply the runtime's default seccomp profile unless asked (or unless the kubelet's SeccompDefault is enabled), leaving the full syscall surface open.
#   remediation: Set spec.securityContext.seccompProfile.type to RuntimeDefault in the pod template.
#   references: ["https://kubernetes.io/docs/tutorials/security/seccomp/", "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"]
#   aliases:
#     checkov: [CKV_K8S_31]
#     trivy: [KSV030, AVD-KSV-0030]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               containers: [{name: api, image: "api:2"}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               securityContext: {seccompProfile: {type: RuntimeDefault}}
#               containers: [{name: api, image: "api:2"}]
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             metadata:
#               annotations: {seccomp.security.alpha.kubernetes.io/pod: runtime/default}
#             spec:
#               containers: [{name: api, image: "api:2"}]
package rampart.kubernetes.seccomp_not_set

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	k8s.seccomp_type(x) == ""
	result := {
		"msg": sprintf("container %q of %s has no seccomp profile", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.securityContext", [x.pod.path]),
	}
}
