# METADATA
# title: Jupyter server started with authentication disabled
# description: A container starts Jupyter with an empty token and password (--NotebookApp.token='', --ServerApp.token=, --IdentityProvider.token=) or sets JUPYTER_TOKEN to an empty value.
# custom:
#   id: ml-jupyter-token-disabled
#   severity: critical
#   kinds: [kubernetes]
#   cwe: [306, 1188]
#   owasp: ["A07:2021", "A05:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: A Jupyter server without a token gives anyone who reaches the port an interactive shell with the pod's service account, mounted data, model artifacts and cloud credentials; such servers are routinely found and hijacked for cryptomining.
#   remediation: Keep token authentication (pass a generated token through a Secret) or run notebooks behind JupyterHub or an authenticating proxy.
#   references: ["https://jupyter-server.readthedocs.io/en/latest/operators/security.html", "https://jupyter-notebook.readthedocs.io/en/stable/security.html"]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: lab, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: lab
#                   image: quay.io/jupyter/pytorch-notebook:cuda12-2024-10-21
#                   args: ["start-notebook.py", "--ServerApp.token=''", "--ServerApp.password=''"]
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: nb, namespace: ml}
#         spec:
#           containers:
#             - name: nb
#               image: jupyter/base-notebook:2023-10-20
#               command: ["jupyter", "notebook", "--NotebookApp.token=", "--ip=0.0.0.0"]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: lab, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: lab
#                   image: quay.io/jupyter/pytorch-notebook:cuda12-2024-10-21
#                   env:
#                     - name: JUPYTER_TOKEN
#                       valueFrom: {secretKeyRef: {name: lab-token, key: token}}
package rampart.ml.jupyter_token_disabled

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

empty_token(arg) if regex.match(`(^| )--(NotebookApp|ServerApp|IdentityProvider)[.]token=(""|'')?( |$)`, arg)

deny contains result if {
	some x in k8s.containers
	some part in ["command", "args"]
	some i, arg in x.container[part]
	is_string(arg)
	empty_token(trim_space(arg))
	result := {
		"msg": sprintf("container %q of %s starts Jupyter without a token (%s)", [x.container.name, x.resource.address, arg]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.%s.%d", [x.path, part, i]),
	}
}

deny contains result if {
	some x in k8s.containers
	some i, e in x.container.env
	e.name == "JUPYTER_TOKEN"
	not e.valueFrom
	trim(object.get(e, "value", ""), "\"' ") == ""
	result := {
		"msg": sprintf("container %q of %s sets an empty JUPYTER_TOKEN", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.env.%d", [x.path, i]),
	}
}
