# METADATA
# title: Role can read Secrets
# description: A Role or ClusterRole grants get, list or watch on secrets (list and watch return every Secret's data).
# custom:
#   id: k8s-rbac-secrets-read
#   severity: high
#   kinds: [kubernetes]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Reading Secrets yields service-account tokens, registry credentials, TLS keys and application passwords - usually enough to move to other workloads or clouds.
#   remediation: Grant get on named Secrets only (resourceNames), or mount the Secret into the workload instead of reading it through the API.
#   references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/"]
#   aliases:
#     trivy: [KSV041, AVD-KSV-0041, KSV113, AVD-KSV-0113]
#   examples:
#     fail:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [""], resources: [secrets], verbs: [get, list, watch]}
#     pass:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [""], resources: [configmaps], verbs: [get, list, watch]}
package rampart.kubernetes.rbac_secrets_read

import data.rampart.lib.k8s_rbac as rbac
import rego.v1

deny contains result if {
	some x in rbac.rules
	rbac.grants(x.rule, {"get", "list", "watch"}, {"secrets"})
	result := {
		"msg": sprintf("%s can read Secrets", [x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
