# METADATA
# title: Compose model server allowed to run code shipped with the model
# description: A compose service passes --trust-remote-code (or trust_remote_code=True) to its server, or sets TRUST_REMOTE_CODE=true.
# custom:
#   id: ml-compose-trust-remote-code
#   severity: high
#   kinds: [compose]
#   cwe: [94, 829]
#   owasp: ["A08:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: Loading the model then executes Python files from the model repository; whoever controls that repository runs code in the server.
#   remediation: Serve natively supported architectures, or vendor and review the custom code and pin the model revision.
#   references: ["https://huggingface.co/docs/transformers/main/en/models#custom-models", "https://genai.owasp.org/llmrisk/llm032025-supply-chain/"]
#   examples:
#     fail:
#       - |
#         services:
#           vllm:
#             image: vllm/vllm-openai:v0.6.3
#             command: --model some-org/custom-model --trust-remote-code
#     pass:
#       - |
#         services:
#           vllm:
#             image: vllm/vllm-openai:v0.6.3
#             command: ["--model", "meta-llama/Llama-3.1-8B-Instruct", "--revision", "0e9e39f249a16976918f6564b8830bc894c89659"]
package rampart.ml.compose_trust_remote_code

import data.rampart.lib.ci_compose as dc
import data.rampart.lib.k8s_ml as ml
import rego.v1

deny contains result if {
	some r in dc.services
	line := ml.cmdline(r.values)
	regex.match(`(^| )--trust[-_]remote[-_]code( |=(true|1|True)|$)|trust_remote_code *= *True`, line)
	result := {"msg": sprintf("%s runs model code with trust_remote_code", [r.address]), "resource": r.address, "attribute": "command"}
}

deny contains result if {
	some e in dc.env
	e.name == "TRUST_REMOTE_CODE"
	lower(sprintf("%v", [e.value])) in {"true", "1", "yes"}
	result := {"msg": sprintf("%s sets TRUST_REMOTE_CODE", [e.resource.address]), "resource": e.resource.address, "attribute": e.attribute}
}
