# METADATA
# title: Text Generation Inference server runs without an API key
# description: A Hugging Face Text Generation Inference container (text-generation-inference image or text-generation-launcher) sets neither --api-key nor the API_KEY environment variable.
# custom:
#   id: ml-tgi-no-api-key
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [306]
#   owasp: ["A07:2021"]
#   owasp_llm: ["LLM10:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Without a key every workload that can reach the pod (or anyone, if it is exposed) can run unlimited generation on the GPUs.
#   remediation: Pass --api-key or API_KEY from a Secret (secretKeyRef) and put an authenticating gateway with per-client quotas in front.
#   references: ["https://huggingface.co/docs/text-generation-inference/reference/launcher"]
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
#                   args: [--model-id, mistralai/Mistral-7B-Instruct-v0.3]
#                   env:
#                     - name: API_KEY
#                       valueFrom: {secretKeyRef: {name: tgi, key: api-key}}
package rampart.ml.tgi_no_api_key

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

has_key(c) if regex.match(`(^| )--api-key( |=|$)`, ml.cmdline(c))

has_key(c) if {
	some e in c.env
	e.name == "API_KEY"
}

has_key(c) if {
	some ef in c.envFrom
	ef.secretRef
}

deny contains result if {
	some x in k8s.app_containers
	"tgi" in ml.tools(x.container)
	not has_key(x.container)
	result := {
		"msg": sprintf("TGI container %q of %s serves without an API key", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
