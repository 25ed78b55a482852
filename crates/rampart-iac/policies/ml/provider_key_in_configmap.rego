# METADATA
# title: Model-provider API key stored in a ConfigMap
# description: A ConfigMap (or a Secret written with plain stringData in the manifest) holds a value shaped like a model provider's API key, or a provider key name with a literal value.
# custom:
#   id: ml-provider-key-in-configmap
#   severity: critical
#   kinds: [kubernetes]
#   cwe: [798, 312]
#   owasp: ["A07:2021", "A02:2021"]
#   owasp_llm: ["LLM02:2025", "LLM10:2025"]
#   ssdf: ["PS.1.1", "PW.9.1"]
#   rationale: ConfigMaps are readable far more widely than Secrets and are not encrypted at rest; a key in a committed manifest also leaks through version control and allows paid inference and access to the account's files and fine-tunes.
#   remediation: Keep provider keys out of manifests - create the Secret from a secret manager (External Secrets, Sealed Secrets, CSI driver) and rotate the exposed key.
#   references: ["https://kubernetes.io/docs/concepts/configuration/configmap/", "https://kubernetes.io/docs/concepts/security/secrets-good-practices/"]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: ConfigMap
#         metadata: {name: rag-config, namespace: ml}
#         data:
#           MODEL: claude-3-5-sonnet
#           ANTHROPIC_API_KEY: "sk-ant-api03-EXAMPLEexampleEXAMPLEexampleEXAMPLE00"
#       - |
#         apiVersion: v1
#         kind: Secret
#         metadata: {name: hf, namespace: ml}
#         stringData:
#           token: hf_EXAMPLEexampleEXAMPLEexampleEXAMPLE00
#     pass:
#       - |
#         apiVersion: v1
#         kind: ConfigMap
#         metadata: {name: rag-config, namespace: ml}
#         data:
#           MODEL: claude-3-5-sonnet
#           ANTHROPIC_BASE_URL: https://api.anthropic.com
package rampart.ml.provider_key_in_configmap

import data.rampart.lib.k8s_ml as ml
import rego.v1

deny contains result if {
	some r in input.resources
	r.type in {"ConfigMap", "Secret"}
	some field in ["data", "stringData"]
	not binary_secret(r, field)
	some k, v in r.values[field]
	what := ml.provider_key(k, v)
	result := {
		"msg": sprintf("%s stores a %s under %s", [r.address, what, k]),
		"resource": r.address,
		"attribute": sprintf("%s.%s", [field, k]),
	}
}

# Secret.data is base64: it is not matched as plain text.
binary_secret(r, field) if {
	r.type == "Secret"
	field == "data"
}
