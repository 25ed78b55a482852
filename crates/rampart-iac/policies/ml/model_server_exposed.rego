# METADATA
# title: Model server exposed through a LoadBalancer or NodePort Service
# description: A LoadBalancer or NodePort Service routes to a model-serving workload in the same file (Triton, TorchServe, vLLM, Text Generation Inference, Ollama, llama.cpp, SGLang, LocalAI, KServe/Seldon runtimes) or exposes Ollama's port 11434.
# custom:
#   id: ml-model-server-exposed
#   severity: high
#   kinds: [kubernetes]
#   cwe: [306, 668]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM10:2025", "LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Most model servers have no authentication by default; exposed, they give anyone free use of expensive GPUs, access to the models (model theft) and - for Triton and TorchServe - model-management APIs that load attacker-supplied models.
#   remediation: Keep the Service ClusterIP and publish the model through an API gateway or Ingress that enforces authentication, quotas and TLS; restrict loadBalancerSourceRanges when a load balancer is unavoidable.
#   references: ["https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types", "https://docs.nvidia.com/deeplearning/triton-inference-server/user-guide/docs/customization_guide/deploy.html", "https://owasp.org/www-project-top-10-for-large-language-model-applications/"]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: llm, namespace: ml}
#         spec:
#           template:
#             metadata:
#               labels: {app: llm}
#             spec:
#               containers:
#                 - name: vllm
#                   image: vllm/vllm-openai:v0.6.3
#                   args: [--model, meta-llama/Llama-3.1-8B-Instruct]
#                   ports: [{containerPort: 8000}]
#         ---
#         apiVersion: v1
#         kind: Service
#         metadata: {name: llm, namespace: ml}
#         spec:
#           type: LoadBalancer
#           selector: {app: llm}
#           ports: [{port: 80, targetPort: 8000}]
#       - |
#         apiVersion: v1
#         kind: Service
#         metadata: {name: ollama, namespace: ml}
#         spec:
#           type: NodePort
#           selector: {app: ollama}
#           ports: [{port: 11434}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: llm, namespace: ml}
#         spec:
#           template:
#             metadata:
#               labels: {app: llm}
#             spec:
#               containers:
#                 - name: vllm
#                   image: vllm/vllm-openai:v0.6.3
#                   ports: [{containerPort: 8000}]
#         ---
#         apiVersion: v1
#         kind: Service
#         metadata: {name: llm, namespace: ml}
#         spec:
#           type: ClusterIP
#           selector: {app: llm}
#           ports: [{port: 80, targetPort: 8000}]
#         ---
#         apiVersion: v1
#         kind: Service
#         metadata: {name: web, namespace: ml}
#         spec:
#           type: LoadBalancer
#           selector: {app: web}
#           ports: [{port: 443, targetPort: 8443}]
package rampart.ml.model_server_exposed

import data.rampart.lib.k8s_ml as ml
import rego.v1

deny contains result if {
	some svc in input.resources
	svc.type == "Service"
	ml.exposed_type(svc.values.spec.type)
	found := {t | some t in ml.service_tools(svc); ml.model_server(t)}
	count(found) > 0
	result := {
		"msg": sprintf("%s exposes model server %v through a %s Service", [svc.address, sort(found), svc.values.spec.type]),
		"resource": svc.address,
		"attribute": "spec.type",
	}
}
