# METADATA
# title: Jupyter server runs as root
# description: A container starts Jupyter with --allow-root, or a Jupyter docker-stacks image with GRANT_SUDO=yes or NB_UID=0.
# custom:
#   id: ml-jupyter-allow-root
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Notebook users execute arbitrary code by design; as root (or with passwordless sudo) that code controls the container, its mounted data and any host access it has, and a stolen token becomes root.
#   remediation: Run notebooks as the image's unprivileged user (NB_UID 1000 or higher), without GRANT_SUDO, and set runAsNonRoot.
#   references: ["https://jupyter-docker-stacks.readthedocs.io/en/latest/using/common.html", "https://jupyter-server.readthedocs.io/en/latest/operators/security.html"]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: nb, namespace: ml}
#         spec:
#           containers:
#             - name: nb
#               image: quay.io/jupyter/scipy-notebook:2024-10-21
#               command: [jupyter, lab, --ip=0.0.0.0, --allow-root]
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: nb, namespace: ml}
#         spec:
#           containers:
#             - name: nb
#               image: quay.io/jupyter/scipy-notebook:2024-10-21
#               env:
#                 - {name: GRANT_SUDO, value: "yes"}
#     pass:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: nb, namespace: ml}
#         spec:
#           securityContext: {runAsNonRoot: true, runAsUser: 1000}
#           containers:
#             - name: nb
#               image: quay.io/jupyter/scipy-notebook:2024-10-21
#               command: [start-notebook.py, --ip=0.0.0.0]
package rampart.ml.jupyter_allow_root

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	"jupyter" in ml.tools(x.container)
	regex.match(`(^| )--allow-root( |=|$)`, ml.cmdline(x.container))
	result := {"msg": sprintf("container %q of %s starts Jupyter with --allow-root", [x.container.name, x.resource.address]), "resource": x.resource.address, "attribute": x.path}
}

deny contains result if {
	some x in k8s.containers
	"jupyter" in ml.tools(x.container)
	some i, e in x.container.env
	root_env(e)
	result := {"msg": sprintf("container %q of %s sets %s=%v for Jupyter", [x.container.name, x.resource.address, e.name, e.value]), "resource": x.resource.address, "attribute": sprintf("%s.env.%d", [x.path, i])}
}

root_env(e) if {
	e.name == "GRANT_SUDO"
	lower(sprintf("%v", [e.value])) in {"yes", "1", "true"}
}

root_env(e) if {
	e.name == "NB_UID"
	sprintf("%v", [e.value]) == "0"
}
