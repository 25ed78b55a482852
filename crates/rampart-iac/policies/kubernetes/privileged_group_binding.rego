# METADATA
# title: Role bound to anonymous, all-authenticated or system:masters subjects
# description: A binding's subject is system:anonymous, system:unauthenticated, system:authenticated or the system:masters group.
# custom:
#   id: k8s-privileged-group-binding
#   severity: critical
#   kinds: [kubernetes]
#   cwe: [284, 269]
#   owasp: ["A01:2021", "A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Bindings to the anonymous or unauthenticated identities open the API to anyone who can reach it; system:authenticated includes every account of every identity provider; system:masters bypasses RBAC and cannot be revoked by removing bindings.
#   remediation: Bind to specific users, groups or service accounts; never grant to anonymous identities and never use system:masters outside break-glass certificates.
#   references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"]
#   aliases:
#     trivy: [KSV122, AVD-KSV-0122, KSV123, AVD-KSV-0123]
#   examples:
#     fail:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRoleBinding
#         metadata: {name: open}
#         roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
#         subjects:
#           - {kind: User, name: "system:anonymous", apiGroup: rbac.authorization.k8s.io}
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: RoleBinding
#         metadata: {name: masters, namespace: shop}
#         roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app}
#         subjects:
#           - {kind: Group, name: "system:masters", apiGroup: rbac.authorization.k8s.io}
#     pass:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRoleBinding
#         metadata: {name: sre-view}
#         roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
#         subjects:
#           - {kind: Group, name: sre, apiGroup: rbac.authorization.k8s.io}
package rampart.kubernetes.privileged_group_binding

import data.rampart.lib.k8s_rbac as rbac
import rego.v1

special := {"system:anonymous", "system:unauthenticated", "system:authenticated", "system:masters"}

deny contains result if {
	some x in rbac.subjects
	x.subject.kind in {"User", "Group"}
	x.subject.name in special
	result := {
		"msg": sprintf("%s binds %s %q to %q", [x.resource.address, x.resource.values.roleRef.kind, x.resource.values.roleRef.name, x.subject.name]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
