# METADATA
# title: Compose starts Jupyter with authentication disabled
# description: A compose service starts Jupyter with an empty token (--NotebookApp.token='', --ServerApp.token=) or sets JUPYTER_TOKEN to an empty value.
# custom:
#   id: ml-compose-jupyter-token-disabled
#   severity: critical
#   kinds: [compose]
#   cwe: [306, 1188]
#   owasp: ["A07:2021", "A05:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: An unauthenticated Jupyter server is remote code execution for anyone who reaches the port, with access to the mounted data, models and credentials.
#   remediation: Keep token authentication (set JUPYTER_TOKEN from an untracked .env file) and bind the port to 127.0.0.1.
#   references: ["https://jupyter-server.readthedocs.io/en/latest/operators/security.html"]
#   examples:
#     fail:
#       - |
#         services:
#           lab:
#             image: quay.io/jupyter/pytorch-notebook:cuda12-2024-10-21
#             command: start-notebook.py --ServerApp.token='' --ServerApp.password=''
#       - |
#         services:
#           lab:
#             image: quay.io/jupyter/base-notebook:2024-10-21
#             environment:
#               JUPYTER_TOKEN: ""
#     pass:
#       - |
#         services:
#           lab:
#             image: quay.io/jupyter/pytorch-notebook:cuda12-2024-10-21
#             environment:
#               JUPYTER_TOKEN: ${JUPYTER_TOKEN}
#             ports: ["127.0.0.1:8888:8888"]
package rampart.ml.compose_jupyter_token_disabled

import data.rampart.lib.ci_compose as dc
import data.rampart.lib.k8s_ml as ml
import rego.v1

deny contains result if {
	some r in dc.services
	regex.match(`(^| )--(NotebookApp|ServerApp|IdentityProvider)[.]token=(""|'')?( |$)`, ml.cmdline(r.values))
	result := {"msg": sprintf("%s starts Jupyter without a token", [r.address]), "resource": r.address, "attribute": "command"}
}

deny contains result if {
	some e in dc.env
	e.name == "JUPYTER_TOKEN"
	is_string(e.value)
	trim(e.value, "\"' ") == ""
	result := {"msg": sprintf("%s sets an empty JUPYTER_TOKEN", [e.resource.address]), "resource": e.resource.address, "attribute": e.attribute}
}
