# METADATA
# title: Role can impersonate users, groups or service accounts
# description: A rule grants the impersonate verb on users, groups, serviceaccounts or uids.
# custom:
#   id: k8s-rbac-impersonate
#   severity: high
#   kinds: [kubernetes]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Impersonation lets the subject act as any identity it may impersonate, including system:masters members, so its real permissions are those of the most privileged target.
#   remediation: Remove impersonate, or restrict it with resourceNames to specific, low-privilege identities.
#   references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/"]
#   examples:
#     fail:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [""], resources: [users, groups, serviceaccounts], verbs: [impersonate]}
#     pass:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [""], resources: [serviceaccounts], verbs: [get, list]}
package rampart.kubernetes.rbac_impersonate

import data.rampart.lib.k8s_rbac as rbac
import rego.v1

deny contains result if {
	some x in rbac.rules
	impersonates(x.rule)
	result := {
		"msg": sprintf("%s can impersonate other identities", [x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}

impersonates(rule) if {
	some v in rbac.verbs(rule)
	v in {"impersonate", "*"}
	some res in rbac.resources(rule)
	res in {"users", "groups", "serviceaccounts", "uids", "userextras/scopes", "*"}
	some g in object.get(rule, "apiGroups", [""])
	g in {"", "*", "authentication.k8s.io"}
}
