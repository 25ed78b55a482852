# METADATA
# title: Container does not run with a high UID
# description: The effective runAsUser is unset or below 10000, so the container's user may coincide with a real user on the node.
# custom:
#   id: k8s-low-uid
#   severity: low
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: UIDs below 10000 are used by system accounts and people on hosts; a container breakout then acts with that account's file permissions on the node.
#   remediation: Set securityContext.runAsUser to a value of 10000 or more (and build the image with such a user).
#   references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"]
#   aliases:
#     checkov: [CKV_K8S_40]
#     trivy: [KSV020, AVD-KSV-0020]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           securityContext: {runAsUser: 1000}
#           containers: [{name: c, image: "app:1"}]
#     pass:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           securityContext: {runAsUser: 10001, runAsNonRoot: true}
#           containers: [{name: c, image: "app:1"}]
package rampart.kubernetes.low_uid

import data.rampart.lib.k8s_workload as k8s
import rego.v1

high_uid(x) if {
	uid := k8s.effective(x, "runAsUser")
	is_number(uid)
	uid >= 10000
}

deny contains result if {
	some x in k8s.containers
	not high_uid(x)
	result := {
		"msg": sprintf("container %q of %s does not set runAsUser to 10000 or above", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": k8s.effective_path(x, "runAsUser"),
	}
}
