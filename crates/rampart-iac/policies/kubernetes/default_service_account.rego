# METADATA
# title: Workload runs as the namespace's default service account
# description: The pod spec sets no serviceAccountName (or sets "default"), so the workload shares the default service account with every other such pod in the namespace.
# custom:
#   id: k8s-default-service-account
#   severity: low
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Permissions granted to the default account for one workload silently extend to all of them; a dedicated account per workload keeps RBAC least-privilege and auditable.
#   remediation: Create a ServiceAccount per workload and set spec.serviceAccountName to it.
#   references: ["https://kubernetes.io/docs/concepts/security/service-accounts/", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"]
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
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           serviceAccountName: default
#           containers: [{name: c, image: "app:1"}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               serviceAccountName: api
#               containers: [{name: api, image: "api:2"}]
package rampart.kubernetes.default_service_account

import data.rampart.lib.k8s_workload as k8s
import rego.v1

account(spec) := spec.serviceAccountName if {
	spec.serviceAccountName != ""
} else := spec.serviceAccount if {
	spec.serviceAccount != ""
} else := "default"

deny contains result if {
	some p in k8s.pods
	r := p.resource
	account(p.spec) == "default"
	result := {
		"msg": sprintf("%s runs as the default service account", [r.address]),
		"resource": r.address,
		"attribute": sprintf("%s.serviceAccountName", [p.path]),
	}
}
