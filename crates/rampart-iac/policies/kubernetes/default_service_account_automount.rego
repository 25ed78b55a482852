# METADATA
# title: Default ServiceAccount automounts its token
# description: A ServiceAccount named default does not set automountServiceAccountToken false, so every pod that does not opt out receives its token.
# custom:
#   id: k8s-default-service-account-automount
#   severity: low
#   kinds: [kubernetes]
#   cwe: [522]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Turning off automount on the default account is the cheapest way to stop API credentials leaking into pods that never asked for them.
#   remediation: Set automountServiceAccountToken false on the default ServiceAccount of each namespace.
#   references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting"]
#   aliases:
#     checkov: [CKV_K8S_41]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: ServiceAccount
#         metadata: {name: default, namespace: shop}
#     pass:
#       - |
#         apiVersion: v1
#         kind: ServiceAccount
#         metadata: {name: default, namespace: shop}
#         automountServiceAccountToken: false
#       - |
#         apiVersion: v1
#         kind: ServiceAccount
#         metadata: {name: api, namespace: shop}
package rampart.kubernetes.default_service_account_automount

import rego.v1

deny contains result if {
	some r in input.resources
	r.type == "ServiceAccount"
	r.values.metadata.name == "default"
	not r.values.automountServiceAccountToken == false
	result := {
		"msg": sprintf("%s does not disable token automounting", [r.address]),
		"resource": r.address,
		"attribute": "automountServiceAccountToken",
	}
}
