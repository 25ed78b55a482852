# METADATA
# title: Role can escalate roles
# description: A rule grants the escalate verb on roles or clusterroles, letting the subject add permissions it does not hold to a role.
# custom:
#   id: k8s-rbac-escalate-verb
#   severity: high
#   kinds: [kubernetes]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: escalate disables RBAC's privilege-escalation prevention; a subject with escalate and update on a role bound to itself can give itself any permission.
#   remediation: Remove escalate; changes to roles should go through reviewed manifests applied by a deployment identity.
#   references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/"]
#   aliases:
#     checkov: [CKV_K8S_158]
#   examples:
#     fail:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [rbac.authorization.k8s.io], resources: [roles, clusterroles], verbs: [escalate, update]}
#     pass:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [get]}
package rampart.kubernetes.rbac_escalate_verb

import data.rampart.lib.k8s_rbac as rbac
import rego.v1

deny contains result if {
	some x in rbac.rules
	grants_rbac(x.rule, "escalate")
	result := {
		"msg": sprintf("%s can escalate roles", [x.resource.address]),
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
