# METADATA
# title: Model server allowed to run code shipped with the model
# description: A container passes --trust-remote-code (vLLM, TGI, SGLang, lm-eval...) or trust_remote_code=True, or sets TRUST_REMOTE_CODE=true.
# custom:
#   id: ml-trust-remote-code
#   severity: high
#   kinds: [kubernetes]
#   cwe: [94, 829]
#   owasp: ["A08:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: With remote code trusted, loading a model from the Hub executes the Python files in its repository; whoever can change that repository (or a typo-squatted one) runs code inside the server with its credentials and GPUs.
#   remediation: Use models supported natively by the serving framework; if custom code is unavoidable, vendor and review it, pin the model to a commit (--revision, --code-revision) and serve from an internal mirror.
#   references: ["https://huggingface.co/docs/transformers/main/en/models#custom-models", "https://docs.vllm.ai/en/latest/serving/engine_args.html", "https://genai.owasp.org/llmrisk/llm032025-supply-chain/"]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: vllm, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: vllm
#                   image: vllm/vllm-openai:v0.6.3
#                   args: [--model, some-org/custom-model, --trust-remote-code]
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: tgi, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: tgi
#                   image: ghcr.io/huggingface/text-generation-inference:2.4.0
#                   env:
#                     - {name: TRUST_REMOTE_CODE, value: "true"}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: vllm, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: vllm
#                   image: vllm/vllm-openai:v0.6.3
#                   args: [--model, meta-llama/Llama-3.1-8B-Instruct, --revision, 0e9e39f249a16976918f6564b8830bc894c89659]
package rampart.ml.trust_remote_code

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

trusts(s) if regex.match(`(^| |=)--trust[-_]remote[-_]code( |=(true|1|True)|$)`, s)

trusts(s) if regex.match(`trust_remote_code *= *True`, s)

deny contains result if {
	some x in k8s.containers
	trusts(ml.cmdline(x.container))
	result := {
		"msg": sprintf("container %q of %s runs model code with trust_remote_code", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}

deny contains result if {
	some x in k8s.containers
	some i, e in x.container.env
	e.name == "TRUST_REMOTE_CODE"
	lower(sprintf("%v", [object.get(e, "value", "")])) in {"true", "1", "yes"}
	result := {
		"msg": sprintf("container %q of %s sets TRUST_REMOTE_CODE", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.env.%d", [x.path, i]),
	}
}
