# METADATA
# title: Model-provider API key written into a workload's environment or command line
# description: A container env value has the shape of a model provider's API key (OpenAI sk-..., Anthropic sk-ant-..., Hugging Face hf_..., Google AIza..., Groq gsk_..., Replicate r8_...), or a provider key variable (OPENAI_API_KEY, ANTHROPIC_API_KEY, HF_TOKEN...) has a literal value.
# custom:
#   id: ml-provider-key-in-env
#   severity: critical
#   kinds: [kubernetes]
#   cwe: [798]
#   owasp: ["A07:2021", "A02:2021"]
#   owasp_llm: ["LLM02:2025", "LLM10:2025"]
#   ssdf: ["PS.1.1", "PW.9.1"]
#   rationale: Provider keys are billed credentials with access to prompts, fine-tuned models and files; committed in a manifest they leak through the repository, rendered charts and kubectl get, and are abused for paid inference (LLMjacking) within hours of exposure.
#   remediation: Store the key in a Secret (from an external secret manager) and reference it with valueFrom.secretKeyRef; revoke and rotate the exposed key at the provider.
#   references: ["https://platform.openai.com/docs/guides/production-best-practices/api-keys", "https://huggingface.co/docs/hub/security-tokens", "https://kubernetes.io/docs/concepts/configuration/secret/"]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: chat, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: api
#                   image: acme/chat:1.2
#                   env:
#                     - {name: LLM_KEY, value: "sk-proj-EXAMPLEexampleEXAMPLEexample0000"}
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
#                     - {name: HF_TOKEN, value: "not-a-real-token-for-the-example"}
#       - |
#         apiVersion: batch/v1
#         kind: Job
#         metadata: {name: fetch-model, namespace: ml}
#         spec:
#           template:
#             spec:
#               restartPolicy: Never
#               containers:
#                 - name: dl
#                   image: python:3.12-slim
#                   command: [sh, -c, "huggingface-cli login --token hf_EXAMPLEexampleEXAMPLEexampleEXAMPLE00 && huggingface-cli download org/model"]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: chat, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: api
#                   image: acme/chat:1.2
#                   env:
#                     - name: OPENAI_API_KEY
#                       valueFrom: {secretKeyRef: {name: openai, key: api-key}}
#                     - {name: OPENAI_BASE_URL, value: "https://api.openai.com/v1"}
#                     - {name: TASK_QUEUE, value: "disk-cache-directory-for-models"}
package rampart.ml.provider_key_in_env

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	some i, e in x.container.env
	what := ml.provider_key(e.name, object.get(e, "value", null))
	result := {
		"msg": sprintf("container %q of %s has a %s in env %s", [x.container.name, x.resource.address, what, e.name]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.env.%d.value", [x.path, i]),
	}
}

deny contains result if {
	some x in k8s.containers
	some part in ["command", "args"]
	some i, arg in x.container[part]
	is_string(arg)
	provider := ml.key_provider(arg)
	result := {
		"msg": sprintf("container %q of %s passes a %s API key on its command line", [x.container.name, x.resource.address, provider]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.%s.%d", [x.path, part, i]),
	}
}
