# METADATA
# title: Model-provider API key written into a compose file
# description: A compose service environment value has the shape of a model provider's API key (OpenAI, Anthropic, Hugging Face, Google AI, Groq, Replicate...), or a provider key variable (OPENAI_API_KEY, HF_TOKEN...) has a literal value.
# custom:
#   id: ml-compose-provider-key
#   severity: critical
#   kinds: [compose]
#   cwe: [798]
#   owasp: ["A07:2021", "A02:2021"]
#   owasp_llm: ["LLM02:2025", "LLM10:2025"]
#   ssdf: ["PS.1.1"]
#   rationale: Compose files are committed and copied around with their projects; a provider key in one leaks billed inference, fine-tuned models and uploaded files to everyone who sees the file.
#   remediation: Reference the key with ${OPENAI_API_KEY} from an untracked .env file or use compose secrets; revoke and rotate the exposed key.
#   references: ["https://docs.docker.com/compose/how-tos/use-secrets/", "https://platform.openai.com/docs/guides/production-best-practices/api-keys"]
#   examples:
#     fail:
#       - |
#         services:
#           app:
#             image: acme/rag:0.4
#             environment:
#               OPENAI_API_KEY: sk-proj-EXAMPLEexampleEXAMPLEexample0000
#       - |
#         services:
#           app:
#             image: acme/rag:0.4
#             environment:
#               - HUGGING_FACE_HUB_TOKEN=hf_EXAMPLEexampleEXAMPLEexampleEXAMPLE00
#     pass:
#       - |
#         services:
#           app:
#             image: acme/rag:0.4
#             environment:
#               OPENAI_API_KEY: ${OPENAI_API_KEY}
#               HF_TOKEN:
#               OPENAI_BASE_URL: https://api.openai.com/v1
package rampart.ml.compose_provider_key

import data.rampart.lib.ci_compose as dc
import data.rampart.lib.k8s_ml as ml
import rego.v1

deny contains result if {
	some e in dc.env
	what := ml.provider_key(e.name, e.value)
	result := {
		"msg": sprintf("%s has a %s in environment %s", [e.resource.address, what, e.name]),
		"resource": e.resource.address,
		"attribute": e.attribute,
	}
}
