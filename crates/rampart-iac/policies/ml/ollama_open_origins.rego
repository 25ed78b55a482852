# METADATA
# title: Ollama accepts browser requests from any origin
# description: An Ollama container sets OLLAMA_ORIGINS to * or another wildcard origin, so browsers may call its API from any web page.
# custom:
#   id: ml-ollama-open-origins
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [942, 346]
#   owasp: ["A05:2021", "A01:2021"]
#   owasp_llm: ["LLM10:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Ollama's API has no authentication; with any origin allowed, every web page a user visits can drive the model server from their browser (pull models, run prompts, delete models).
#   remediation: Leave OLLAMA_ORIGINS unset or list exact origins, and put an authenticating reverse proxy in front of the API.
#   references: ["https://github.com/ollama/ollama/blob/main/docs/faq.md#how-can-i-allow-additional-web-origins-to-access-ollama", "https://github.com/ollama/ollama/blob/main/docs/faq.md#how-do-i-configure-ollama-server"]
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
#                   env:
#                     - {name: OLLAMA_ORIGINS, value: "*"}
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
#                   env:
#                     - {name: OLLAMA_ORIGINS, value: "https://chat.example.com"}
package rampart.ml.ollama_open_origins

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	some i, e in x.container.env
	e.name == "OLLAMA_ORIGINS"
	some o in split(object.get(e, "value", ""), ",")
	regex.match(`^[*]$|://[*]|^[*]://`, trim_space(o))
	result := {
		"msg": sprintf("container %q of %s lets any web origin call Ollama (OLLAMA_ORIGINS=%s)", [x.container.name, x.resource.address, e.value]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.env.%d.value", [x.path, i]),
	}
}
