# METADATA
# title: Compose vLLM server runs without an API key
# description: A compose service running vLLM's OpenAI-compatible server sets neither --api-key nor VLLM_API_KEY.
# custom:
#   id: ml-compose-vllm-no-api-key
#   severity: medium
#   kinds: [compose]
#   cwe: [306]
#   owasp: ["A07:2021"]
#   owasp_llm: ["LLM10:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Anyone who reaches the published port can run unlimited inference on the GPUs.
#   remediation: Set VLLM_API_KEY from an untracked .env file (or --api-key) and keep the port bound to 127.0.0.1 behind an authenticating proxy.
#   references: ["https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html"]
#   examples:
#     fail:
#       - |
#         services:
#           vllm:
#             image: vllm/vllm-openai:v0.6.3
#             command: ["--model", "Qwen/Qwen2.5-7B-Instruct"]
#             ports: ["127.0.0.1:8000:8000"]
#     pass:
#       - |
#         services:
#           vllm:
#             image: vllm/vllm-openai:v0.6.3
#             command: ["--model", "Qwen/Qwen2.5-7B-Instruct"]
#             environment:
#               VLLM_API_KEY: ${VLLM_API_KEY}
package rampart.ml.compose_vllm_no_api_key

import data.rampart.lib.ci_compose as dc
import data.rampart.lib.k8s_ml as ml
import rego.v1

has_key(r) if regex.match(`(^| )--api-key( |=|$)`, ml.cmdline(r.values))

has_key(r) if {
	some e in dc.env
	e.resource.address == r.address
	e.name == "VLLM_API_KEY"
}

has_key(r) if r.values.env_file

deny contains result if {
	some r in dc.services
	"vllm" in ml.tools(r.values)
	not has_key(r)
	result := {"msg": sprintf("vLLM service %s serves without an API key", [r.address]), "resource": r.address, "attribute": "command"}
}
