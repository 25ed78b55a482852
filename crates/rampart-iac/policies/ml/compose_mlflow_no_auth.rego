# METADATA
# title: Compose MLflow server listens on all interfaces without authentication
# description: A compose service runs mlflow server/ui with --host 0.0.0.0 and without --app-name basic-auth.
# custom:
#   id: ml-compose-mlflow-no-auth
#   severity: high
#   kinds: [compose]
#   cwe: [306]
#   owasp: ["A07:2021", "A01:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Without authentication anyone who reaches the server can read experiments and artifacts and register or replace models in the registry.
#   remediation: Start MLflow with --app-name basic-auth or behind an authenticating proxy, and bind the published port to 127.0.0.1.
#   references: ["https://mlflow.org/docs/latest/auth/index.html"]
#   examples:
#     fail:
#       - |
#         services:
#           mlflow:
#             image: ghcr.io/mlflow/mlflow:v2.17.0
#             command: mlflow server --host 0.0.0.0 --port 5000
#             ports: ["5000:5000"]
#     pass:
#       - |
#         services:
#           mlflow:
#             image: ghcr.io/mlflow/mlflow:v2.17.0
#             command: mlflow server --host 0.0.0.0 --port 5000 --app-name basic-auth
#             ports: ["127.0.0.1:5000:5000"]
package rampart.ml.compose_mlflow_no_auth

import data.rampart.lib.ci_compose as dc
import data.rampart.lib.k8s_ml as ml
import rego.v1

deny contains result if {
	some r in dc.services
	line := ml.cmdline(r.values)
	regex.match(`mlflow +(server|ui)`, line)
	regex.match(`(--host|-h)[= ]+(0[.]0[.]0[.]0|::)( |$)`, line)
	not regex.match(`--app-name[= ]+[A-Za-z]`, line)
	result := {"msg": sprintf("%s runs MLflow on all interfaces without authentication", [r.address]), "resource": r.address, "attribute": "command"}
}
