# METADATA
# title: Jupyter server accepts cross-site requests
# description: A container starts Jupyter with allow_origin set to * (or a wildcard origin pattern) or with disable_check_xsrf enabled.
# custom:
#   id: ml-jupyter-insecure-origin
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [352, 942]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Jupyter executes code on request; with any origin allowed or XSRF checks off, a web page a logged-in user visits can send requests to the server and run code in the notebook kernel.
#   remediation: Remove these options; if an embedding site needs access, list its exact origin in allow_origin and keep XSRF protection on.
#   references: ["https://jupyter-server.readthedocs.io/en/latest/other/full-config.html", "https://jupyter-server.readthedocs.io/en/latest/operators/security.html"]
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
#                   image: quay.io/jupyter/base-notebook:2024-10-21
#                   args: [start-notebook.py, "--ServerApp.allow_origin=*", --ServerApp.disable_check_xsrf=True]
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
#                   image: quay.io/jupyter/base-notebook:2024-10-21
#                   args: [start-notebook.py, "--ServerApp.allow_origin=https://portal.example.com"]
package rampart.ml.jupyter_insecure_origin

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

insecure(line) := "allow_origin *" if regex.match(`--(NotebookApp|ServerApp)[.]allow_origin(_pat)?=["']?([*]|[.][*])["']?( |$)`, line)

insecure(line) := "disable_check_xsrf" if {
	not regex.match(`--(NotebookApp|ServerApp)[.]allow_origin(_pat)?=["']?([*]|[.][*])["']?( |$)`, line)
	regex.match(`--(NotebookApp|ServerApp)[.]disable_check_xsrf(=(True|true|1))?( |$)`, line)
}

deny contains result if {
	some x in k8s.containers
	what := insecure(ml.cmdline(x.container))
	result := {
		"msg": sprintf("container %q of %s starts Jupyter with %s", [x.container.name, x.resource.address, what]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
