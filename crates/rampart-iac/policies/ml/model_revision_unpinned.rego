# METADATA
# title: Served Hugging Face model not pinned to a revision
# description: A vLLM or Text Generation Inference container serves a Hub model (org/name) without --revision (or REVISION), so each start downloads whatever the repository's main branch holds.
# custom:
#   id: ml-model-revision-unpinned
#   severity: low
#   kinds: [kubernetes]
#   cwe: [494, 1357]
#   owasp: ["A08:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: Model repositories change - weights, tokenizer, chat template and config can be replaced by the owner or by whoever compromises the account - and the server picks the change up on the next restart without review.
#   remediation: Pin --revision to a commit hash of the model repository (and --tokenizer-revision/--code-revision where used), or serve from an internal, reviewed copy.
#   references: ["https://docs.vllm.ai/en/latest/serving/engine_args.html", "https://huggingface.co/docs/text-generation-inference/reference/launcher", "https://genai.owasp.org/llmrisk/llm032025-supply-chain/"]
#   examples:
#     fail:
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
#                   args: [--model-id, mistralai/Mistral-7B-Instruct-v0.3]
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: tgi-env, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: tgi
#                   image: ghcr.io/huggingface/text-generation-inference:2.4.0
#                   env:
#                     - {name: MODEL_ID, value: "Qwen/Qwen2.5-7B-Instruct"}
#     pass:
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
#                   args: [--model-id, mistralai/Mistral-7B-Instruct-v0.3, --revision, e0bc86c23ce5aae1db576c8cca6f06f1f73af2db]
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
#                   args: [--model, /models/llama-3.1-8b]
package rampart.ml.model_revision_unpinned

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

# A Hugging Face Hub repository id (org/name), not a local path or URL.
hub_model(line) := m[0][2] if {
	m := regex.find_all_string_submatch_n(`(--model|--model-id|serve)[= ]+([A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*)( |$)`, line, 1)
	count(m) == 1
}

pinned(x, line) if regex.match(`(^| )--revision[= ]+[^ -]`, line)

pinned(x, line) if {
	some e in x.container.env
	e.name == "REVISION"
}

# The model id from the command line, or TGI's MODEL_ID variable.
model_of(x, line) := m if {
	m := hub_model(line)
} else := v if {
	some e in x.container.env
	e.name == "MODEL_ID"
	v := e.value
	regex.match(`^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$`, v)
}

deny contains result if {
	some x in k8s.app_containers
	some t in ml.tools(x.container)
	t in {"vllm", "tgi"}
	line := ml.cmdline(x.container)
	model := model_of(x, line)
	not pinned(x, line)
	result := {
		"msg": sprintf("container %q of %s serves %s without a pinned --revision", [x.container.name, x.resource.address, model]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
