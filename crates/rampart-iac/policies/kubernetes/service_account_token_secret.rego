# METADATA
# title: Long-lived service account token Secret
# description: A Secret of type kubernetes.io/service-account-token asks the control plane for a non-expiring token for a service account.
# custom:
#   id: k8s-service-account-token-secret
#   severity: low
#   kinds: [kubernetes]
#   cwe: [613, 522]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Such tokens never expire and stay valid until the Secret is deleted; leaked once (logs, backups, a CI variable), they give lasting API access. Bound, projected tokens expire and are tied to a pod.
#   remediation: Use projected service account tokens (automatically mounted, or a serviceAccountToken volume with expirationSeconds) or kubectl create token for short-lived external use.
#   references: ["https://kubernetes.io/docs/concepts/security/service-accounts/#get-a-token", "https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/#manual-secret-management-for-serviceaccounts"]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Secret
#         metadata:
#           name: ci-token
#           namespace: ci
#           annotations: {kubernetes.io/service-account.name: deployer}
#         type: kubernetes.io/service-account-token
#     pass:
#       - |
#         apiVersion: v1
#         kind: Secret
#         metadata: {name: tls, namespace: ci}
#         type: kubernetes.io/tls
package rampart.kubernetes.service_account_token_secret

import rego.v1

deny contains result if {
	some r in input.resources
	r.type == "Secret"
	r.values.type == "kubernetes.io/service-account-token"
	result := {
		"msg": sprintf("%s requests a non-expiring token for service account %q", [r.address, object.get(object.get(r.values.metadata, "annotations", {}), "kubernetes.io/service-account.name", "")]),
		"resource": r.address,
		"attribute": "type",
	}
}
