# METADATA
# title: Role can change admission webhook configurations
# description: A rule grants create, update, patch or delete on mutatingwebhookconfigurations or validatingwebhookconfigurations.
# custom:
#   id: k8s-rbac-webhook-config
#   severity: high
#   kinds: [kubernetes]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Whoever controls admission webhooks can see and rewrite every object submitted to the cluster (inject containers into pods, read Secrets) or switch policy enforcement off.
#   remediation: Leave webhook configuration to cluster administrators and to the controllers that own them, restricted by resourceNames.
#   references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/"]
#   aliases:
#     checkov: [CKV_K8S_155]
#     trivy: [KSV114, AVD-KSV-0114]
#   examples:
#     fail:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations], verbs: [create, update, patch]}
#     pass:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations], verbs: [get, list]}
package rampart.kubernetes.rbac_webhook_config

import data.rampart.lib.k8s_rbac as rbac
import rego.v1

deny contains result if {
	some x in rbac.rules
	webhook_write(x.rule)
	result := {
		"msg": sprintf("%s can modify admission webhook configurations", [x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}

webhook_write(rule) if {
	rbac.in_group(rule, "admissionregistration.k8s.io")
	some v in rbac.verbs(rule)
	v in {"create", "update", "patch", "delete", "deletecollection", "*"}
	some res in rbac.resources(rule)
	res in {"mutatingwebhookconfigurations", "validatingwebhookconfigurations", "*"}
}
