# METADATA
# title: Role can bind roles it does not hold
# description: A rule grants the bind verb on roles or clusterroles, letting the subject create bindings to roles with more permissions than its own.
# custom:
#   id: k8s-rbac-bind-verb
#   severity: high
#   kinds: [kubernetes]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: bind bypasses RBAC's escalation check, so a subject with bind on clusterroles plus create on bindings can grant itself cluster-admin.
#   remediation: Remove bind, or restrict it with resourceNames to the specific low-privilege roles that may be delegated.
#   references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/"]
#   aliases:
#     checkov: [CKV_K8S_157]
#   examples:
#     fail:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind]}
#     pass:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [get, list]}
package rampart.kubernetes.rbac_bind_verb

import data.rampart.lib.k8s_rbac as rbac
import rego.v1

deny contains result if {
	some x in rbac.rules
	grants_rbac(x.rule, "bind")
	result := {
		"msg": sprintf("%s can bind roles it does not hold", [x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}

grants_rbac(rule, verb) if {
	rbac.in_group(rule, "rbac.authorization.k8s.io")
	some v in rbac.verbs(rule)
	v in {verb, "*"}
	some res in rbac.resources(rule)
	res in {"roles", "clusterroles", "*"}
}
