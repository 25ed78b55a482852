# METADATA
# title: Role grants access to every resource
# description: A Role or ClusterRole rule lists "*" in resources (or in apiGroups together with resources), covering every kind including Secrets and RBAC objects.
# custom:
#   id: k8s-rbac-wildcard-resources
#   severity: high
#   kinds: [kubernetes]
#   cwe: [269, 732]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: A wildcard resource includes Secrets, pods/exec and resources added later by CRDs, so the grant is far wider than anyone reviewed.
#   remediation: Enumerate the resources (and API groups) the subject needs.
#   references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege"]
#   aliases:
#     checkov: [CKV_K8S_49]
#     trivy: [KSV046, AVD-KSV-0046]
#   examples:
#     fail:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: reader}
#         rules:
#           - apiGroups: ["*"]
#             resources: ["*"]
#             verbs: [get, list]
#     pass:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: reader}
#         rules:
#           - apiGroups: ["apps"]
#             resources: [deployments, statefulsets]
#             verbs: [get, list]
package rampart.kubernetes.rbac_wildcard_resources

import data.rampart.lib.k8s_rbac as rbac
import rego.v1

deny contains result if {
	some x in rbac.rules
	"*" in rbac.resources(x.rule)
	result := {
		"msg": sprintf("%s grants %v on all resources", [x.resource.address, object.get(x.rule, "verbs", [])]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.resources", [x.path]),
	}
}
