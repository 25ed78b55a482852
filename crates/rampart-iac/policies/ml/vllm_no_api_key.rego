# METADATA
# title: vLLM OpenAI-compatible server runs without an API key
# description: A vLLM server container (vllm/vllm-openai image, vllm serve, vllm.entrypoints.openai.api_server) sets neither --api-key nor the VLLM_API_KEY environment variable.
# custom:
#   id: ml-vllm-no-api-key
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [306]
#   owasp: ["A07:2021"]
#   owasp_llm: ["LLM10:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Without a key every workload that can reach the pod - or anyone, if it is exposed - can run unlimited inference on the GPUs and read the served model's outputs.
#   remediation: Pass --api-key from a Secret (or VLLM_API_KEY via secretKeyRef) and put an authenticating gateway in front for per-user quotas.
#   references: ["https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html"]
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
#                   args: [--model, meta-llama/Llama-3.1-8B-Instruct, --port, "8000"]
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
#                   args: [--model, meta-llama/Llama-3.1-8B-Instruct]
#                   env:
#                     - name: VLLM_API_KEY
#                       valueFrom: {secretKeyRef: {name: vllm, key: api-key}}
package rampart.ml.vllm_no_api_key

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

has_key(c) if regex.match(`(^| )--api-key( |=|$)`, ml.cmdline(c))

has_key(c) if {
	some e in c.env
	e.name == "VLLM_API_KEY"
}

has_key(c) if {
	some ef in c.envFrom
	ef.secretRef
}

deny contains result if {
	some x in k8s.app_containers
	"vllm" in ml.tools(x.container)
	not has_key(x.container)
	result := {
		"msg": sprintf("vLLM container %q of %s serves without an API key", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
