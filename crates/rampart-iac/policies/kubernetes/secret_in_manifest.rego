# METADATA
# title: Secret values committed in a manifest
# description: A Secret object carries its values in data or stringData in the manifest file.
# custom:
#   id: k8s-secret-in-manifest
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [312, 798]
#   owasp: ["A02:2021", "A07:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1"]
#   rationale: Base64 in data is encoding, not encryption; the values are in version control, in every copy of the repository and in CI logs that print rendered manifests.
#   remediation: Generate Secrets at deploy time from a secret manager (External Secrets, CSI Secrets Store) or commit only encrypted forms (Sealed Secrets, SOPS).
#   references: ["https://kubernetes.io/docs/concepts/security/secrets-good-practices/", "https://kubernetes.io/docs/concepts/configuration/secret/"]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Secret
#         metadata: {name: db, namespace: shop}
#         type: Opaque
#         stringData:
#           password: "Sup3r-s3cret-pw"
#       - |
#         apiVersion: v1
#         kind: Secret
#         metadata: {name: db, namespace: shop}
#         data:
#           password: U3VwM3ItczNjcmV0LXB3
#     pass:
#       - |
#         apiVersion: v1
#         kind: Secret
#         metadata:
#           name: api-token
#           namespace: shop
#           annotations: {kubernetes.io/service-account.name: api}
#         type: kubernetes.io/service-account-token
#       - |
#         apiVersion: bitnami.com/v1alpha1
#         kind: SealedSecret
#         metadata: {name: db, namespace: shop}
#         spec:
#           encryptedData:
#             password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq
package rampart.kubernetes.secret_in_manifest

import rego.v1

deny contains result if {
	some r in input.resources
	r.type == "Secret"
	some field in ["data", "stringData"]
	some k, v in r.values[field]
	is_string(v)
	count(v) > 0
	not contains(v, "{{")
	result := {
		"msg": sprintf("%s commits the value of %s in %s", [r.address, k, field]),
		"resource": r.address,
		"attribute": sprintf("%s.%s", [field, k]),
	}
}
