# METADATA
# title: Role grants every verb
# description: A Role or ClusterRole rule lists "*" in verbs, granting every current and future action on its resources.
# custom:
#   id: k8s-rbac-wildcard-verbs
#   severity: high
#   kinds: [kubernetes]
#   cwe: [269, 732]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Wildcard verbs include escalate, bind, impersonate and delete; they also silently grow when new verbs or subresources appear, defeating least privilege.
#   remediation: List only the verbs the subject needs (for example get, list, watch).
#   references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege"]
#   aliases:
#     checkov: [CKV_K8S_49]
#     trivy: [KSV045, AVD-KSV-0045]
#   examples:
#     fail:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: Role
#         metadata: {name: app, namespace: shop}
#         rules:
#           - apiGroups: [""]
#             resources: [configmaps]
#             verbs: ["*"]
#     pass:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: Role
#         metadata: {name: app, namespace: shop}
#         rules:
#           - apiGroups: [""]
#             resources: [configmaps]
#             verbs: [get, list, watch]
package rampart.kubernetes.rbac_wildcard_verbs

import data.rampart.lib.k8s_rbac as rbac
import rego.v1

deny contains result if {
	some x in rbac.rules
	"*" in rbac.verbs(x.rule)
	result := {
		"msg": sprintf("%s grants all verbs on %v", [x.resource.address, object.get(x.rule, "resources", object.get(x.rule, "nonResourceURLs", []))]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.verbs", [x.path]),
	}
}
