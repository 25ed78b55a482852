# METADATA
# title: Role granted to a default service account
# description: A RoleBinding or ClusterRoleBinding has a subject that is the default ServiceAccount of a namespace.
# custom:
#   id: k8s-default-service-account-binding
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Every pod in the namespace that does not name a service account runs as default, so the binding hands its permissions to all of them.
#   remediation: Bind the role to a dedicated ServiceAccount used only by the workload that needs it.
#   references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#service-account-permissions"]
#   aliases:
#     checkov: [CKV_K8S_42]
#   examples:
#     fail:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: RoleBinding
#         metadata: {name: read, namespace: shop}
#         roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
#         subjects:
#           - {kind: ServiceAccount, name: default, namespace: shop}
#     pass:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: RoleBinding
#         metadata: {name: read, namespace: shop}
#         roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
#         subjects:
#           - {kind: ServiceAccount, name: catalog, namespace: shop}
package rampart.kubernetes.default_service_account_binding

import data.rampart.lib.k8s_rbac as rbac
import rego.v1

deny contains result if {
	some x in rbac.subjects
	x.subject.kind == "ServiceAccount"
	x.subject.name == "default"
	result := {
		"msg": sprintf("%s grants %s %q to a default service account", [x.resource.address, x.resource.values.roleRef.kind, x.resource.values.roleRef.name]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
