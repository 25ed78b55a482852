# METADATA
# title: ConfigMap holds a credential
# description: A ConfigMap data key whose name denotes a credential (password, secret, token, api_key, private_key...) has a literal value.
# custom:
#   id: k8s-configmap-secret
#   severity: high
#   kinds: [kubernetes]
#   cwe: [312, 798]
#   owasp: ["A02:2021", "A07:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1", "PW.9.1"]
#   rationale: ConfigMaps are meant for non-confidential data; RBAC commonly lets many more subjects read them than Secrets, they are never encrypted at rest by the API server's Secret encryption, and they end up in logs and dashboards.
#   remediation: Store the value in a Secret (or an external secret manager) and reference it; rotate the exposed credential.
#   references: ["https://kubernetes.io/docs/concepts/configuration/configmap/", "https://kubernetes.io/docs/concepts/configuration/secret/"]
#   aliases:
#     trivy: [KSV109, AVD-KSV-0109]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: ConfigMap
#         metadata: {name: api-config, namespace: shop}
#         data:
#           LOG_LEVEL: info
#           SMTP_PASSWORD: "hunter2-prod-mail"
#     pass:
#       - |
#         apiVersion: v1
#         kind: ConfigMap
#         metadata: {name: api-config, namespace: shop}
#         data:
#           LOG_LEVEL: info
#           SMTP_PASSWORD_FILE: /run/secrets/smtp
#           TOKEN_TTL: "3600"
package rampart.kubernetes.configmap_secret

import data.rampart.lib.ci_common as ci
import rego.v1

deny contains result if {
	some r in input.resources
	r.type == "ConfigMap"
	some k, v in r.values.data
	ci.secret_name(k)
	not ci.not_secret_name(k)
	not contains(k, ".")
	ci.literal_secret_value(v)
	result := {
		"msg": sprintf("%s stores credential %s in plain ConfigMap data", [r.address, k]),
		"resource": r.address,
		"attribute": sprintf("data.%s", [k]),
	}
}
