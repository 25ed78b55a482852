# METADATA
# title: Model server runs without CPU and memory limits
# description: A model-serving container (vLLM, TGI, Triton, TorchServe, Ollama, llama.cpp, SGLang, LocalAI) has no memory limit or no CPU limit.
# custom:
#   id: ml-model-server-no-limits
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [770, 400]
#   owasp: ["A05:2021"]
#   owasp_llm: ["LLM10:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Inference load scales with prompt and output length that callers control; without limits a burst of long requests or a leak takes memory from every other pod on an expensive GPU node (unbounded consumption).
#   remediation: Set resources.limits.memory and cpu (alongside the GPU limit), size them from load tests, and cap request sizes and concurrency in the server (max-model-len, max-num-seqs, max-batch-total-tokens).
#   references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/", "https://genai.owasp.org/llmrisk/llm102025-unbounded-consumption/"]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: ollama, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: ollama
#                   image: ollama/ollama:0.3.14
#                   resources:
#                     limits: {nvidia.com/gpu: 1}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: ollama, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: ollama
#                   image: ollama/ollama:0.3.14
#                   resources:
#                     requests: {cpu: "4", memory: 24Gi}
#                     limits: {cpu: "8", memory: 32Gi, nvidia.com/gpu: 1}
package rampart.ml.model_server_no_limits

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.app_containers
	found := {t | some t in ml.tools(x.container); ml.model_server(t)}
	count(found) > 0
	some res in ["memory", "cpu"]
	not x.container.resources.limits[res]
	result := {
		"msg": sprintf("model server container %q (%v) of %s has no %s limit", [x.container.name, sort(found), x.resource.address, res]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.resources.limits", [x.path]),
	}
}
