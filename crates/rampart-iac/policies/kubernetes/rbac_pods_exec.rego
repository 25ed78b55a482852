# METADATA
# title: Role can exec or attach into pods
# description: A rule grants create (or get, which older clients use) on pods/exec or pods/attach.
# custom:
#   id: k8s-rbac-pods-exec
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Exec gives a shell in any pod the role covers, with that pod's service-account token, mounted Secrets and network position.
#   remediation: Limit exec to break-glass roles bound to people for short periods; never grant it to workload service accounts.
#   references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/"]
#   aliases:
#     trivy: [KSV053, AVD-KSV-0053]
#   examples:
#     fail:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [""], resources: [pods, pods/exec], verbs: [create, get]}
#     pass:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [""], resources: [pods, pods/log], verbs: [get, list]}
package rampart.kubernetes.rbac_pods_exec

import data.rampart.lib.k8s_rbac as rbac
import rego.v1

deny contains result if {
	some x in rbac.rules
	rbac.grants(x.rule, {"create", "get"}, {"pods/exec", "pods/attach"})
	result := {
		"msg": sprintf("%s can exec into pods", [x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
