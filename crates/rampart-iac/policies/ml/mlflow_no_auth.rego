# METADATA
# title: MLflow tracking server listens on all interfaces without authentication
# description: A container runs mlflow server (or mlflow ui) with --host 0.0.0.0 and without --app-name basic-auth (or another auth app).
# custom:
#   id: ml-mlflow-no-auth
#   severity: high
#   kinds: [kubernetes]
#   cwe: [306]
#   owasp: ["A07:2021", "A01:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: MLflow's tracking server has no authentication by default; anyone who reaches it can read experiments and artifacts, and register or replace models in the registry that production later loads (a model-poisoning path), and several path-traversal CVEs target it.
#   remediation: Enable MLflow authentication (--app-name basic-auth) or put an authenticating proxy in front, and restrict who can reach it with NetworkPolicy.
#   references: ["https://mlflow.org/docs/latest/auth/index.html", "https://mlflow.org/docs/latest/tracking/server.html"]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: mlflow, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: mlflow
#                   image: ghcr.io/mlflow/mlflow:v2.17.0
#                   command: [mlflow, server, --host, 0.0.0.0, --port, "5000", --backend-store-uri, "postgresql://mlflow@db/mlflow"]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: mlflow, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: mlflow
#                   image: ghcr.io/mlflow/mlflow:v2.17.0
#                   command: [mlflow, server, --host, 0.0.0.0, --port, "5000", --app-name, basic-auth]
package rampart.ml.mlflow_no_auth

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.app_containers
	line := ml.cmdline(x.container)
	regex.match(`mlflow +(server|ui)`, line)
	regex.match(`(--host|-h)[= ]+(0[.]0[.]0[.]0|::)( |$)`, line)
	not regex.match(`--app-name[= ]+[A-Za-z]`, line)
	result := {
		"msg": sprintf("container %q of %s runs MLflow on all interfaces without authentication", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
