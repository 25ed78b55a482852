# METADATA
# title: Compose publishes a model server or ML tool on all interfaces
# description: A compose service recognised as a model server or ML tool (Ollama, vLLM, TGI, Triton, TorchServe, Ray, Jupyter, MLflow, Gradio, Streamlit, TensorBoard...) publishes a port without binding it to 127.0.0.1, or any service publishes Ollama's 11434, Ray's 8265/10001 or Jupyter's 8888 that way.
# custom:
#   id: ml-compose-ml-port-public
#   severity: high
#   kinds: [compose]
#   cwe: [306, 668]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM10:2025", "LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Docker publishes ports on every host interface and bypasses host firewalls; unauthenticated model servers and ML tools then serve anyone on the network - thousands of open Ollama and Ray instances are indexed by internet scanners.
#   remediation: Bind the port to 127.0.0.1 ("127.0.0.1:11434:11434") and put an authenticating reverse proxy in front for remote use.
#   references: ["https://docs.docker.com/reference/compose-file/services/#ports", "https://docs.ray.io/en/latest/ray-security/index.html"]
#   examples:
#     fail:
#       - |
#         services:
#           ollama:
#             image: ollama/ollama:0.3.14
#             ports:
#               - "11434:11434"
#       - |
#         services:
#           notebook:
#             image: quay.io/jupyter/scipy-notebook:2024-10-21
#             ports: ["8888:8888"]
#     pass:
#       - |
#         services:
#           ollama:
#             image: ollama/ollama:0.3.14
#             ports:
#               - "127.0.0.1:11434:11434"
#           web:
#             image: nginx:1.27
#             ports: ["8080:80"]
package rampart.ml.compose_ml_port_public

import data.rampart.lib.ci_compose as dc
import data.rampart.lib.k8s_ml as ml
import rego.v1

deny contains result if {
	some p in dc.ports
	dc.all_interfaces(p)
	found := ml.tools(p.resource.values) | {t | some n in [p.target, p.published]; regex.match(`^[0-9]+$`, n); t := ml.distinctive_port(to_number(n))}
	count(found) > 0
	result := {
		"msg": sprintf("%s publishes %v port %s on all interfaces", [p.resource.address, sort(found), p.target]),
		"resource": p.resource.address,
		"attribute": p.attribute,
	}
}
