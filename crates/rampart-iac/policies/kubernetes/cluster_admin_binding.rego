# METADATA
# title: cluster-admin bound to a user, group or default service account
# description: A ClusterRoleBinding or RoleBinding grants the cluster-admin ClusterRole to a User, a Group, or a namespace's default ServiceAccount.
# custom:
#   id: k8s-cluster-admin-binding
#   severity: high
#   kinds: [kubernetes]
#   cwe: [269, 250]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: cluster-admin is unrestricted superuser access; standing grants to people or groups, or to the account every pod of a namespace runs as, turn one stolen credential or one compromised pod into full cluster compromise.
#   remediation: Bind narrowly scoped roles instead; keep cluster-admin for break-glass access with short-lived credentials.
#   references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"]
#   aliases:
#     trivy: [KSV111, AVD-KSV-0111]
#   examples:
#     fail:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRoleBinding
#         metadata: {name: devs-admin}
#         roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
#         subjects:
#           - {kind: Group, name: developers, apiGroup: rbac.authorization.k8s.io}
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRoleBinding
#         metadata: {name: oops}
#         roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
#         subjects:
#           - {kind: ServiceAccount, name: default, namespace: shop}
#     pass:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRoleBinding
#         metadata: {name: devs-view}
#         roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
#         subjects:
#           - {kind: Group, name: developers, apiGroup: rbac.authorization.k8s.io}
package rampart.kubernetes.cluster_admin_binding

import data.rampart.lib.k8s_rbac as rbac
import rego.v1

risky(s) if s.kind in {"User", "Group"}

risky(s) if {
	s.kind == "ServiceAccount"
	s.name == "default"
}

deny contains result if {
	some x in rbac.subjects
	x.resource.values.roleRef.kind == "ClusterRole"
	x.resource.values.roleRef.name == "cluster-admin"
	risky(x.subject)
	result := {
		"msg": sprintf("%s grants cluster-admin to %s %q", [x.resource.address, x.subject.kind, x.subject.name]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
