# METADATA
# title: ML notebook or dashboard exposed through a LoadBalancer or NodePort Service
# description: A LoadBalancer or NodePort Service routes to Jupyter, MLflow, Gradio, Streamlit or TensorBoard in the same file, or exposes their well-known ports (8888, 7860, 8501, 6006).
# custom:
#   id: ml-ui-exposed
#   severity: high
#   kinds: [kubernetes]
#   cwe: [306, 668]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM02:2025", "LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: These tools are built for trusted users - Jupyter runs code, MLflow has no authentication by default and serves artifacts and model registry writes, Gradio and Streamlit apps often wrap internal models and data; on a public address they hand all of that to anyone.
#   remediation: Keep them ClusterIP behind an authenticating proxy (OAuth2 proxy, identity-aware proxy) or use kubectl port-forward.
#   references: ["https://mlflow.org/docs/latest/auth/index.html", "https://jupyter-server.readthedocs.io/en/latest/operators/security.html"]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: tracking, namespace: ml}
#         spec:
#           template:
#             metadata:
#               labels: {app: mlflow}
#             spec:
#               containers:
#                 - name: mlflow
#                   image: ghcr.io/mlflow/mlflow:v2.17.0
#                   command: [mlflow, server, --host, 0.0.0.0, --port, "5000"]
#         ---
#         apiVersion: v1
#         kind: Service
#         metadata: {name: mlflow, namespace: ml}
#         spec:
#           type: LoadBalancer
#           selector: {app: mlflow}
#           ports: [{port: 80, targetPort: 5000}]
#       - |
#         apiVersion: v1
#         kind: Service
#         metadata: {name: notebook, namespace: ml}
#         spec:
#           type: NodePort
#           selector: {app: notebook}
#           ports: [{port: 8888}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: tracking, namespace: ml}
#         spec:
#           template:
#             metadata:
#               labels: {app: mlflow}
#             spec:
#               containers:
#                 - name: mlflow
#                   image: ghcr.io/mlflow/mlflow:v2.17.0
#         ---
#         apiVersion: v1
#         kind: Service
#         metadata: {name: mlflow, namespace: ml}
#         spec:
#           selector: {app: mlflow}
#           ports: [{port: 80, targetPort: 5000}]
package rampart.ml.ml_ui_exposed

import data.rampart.lib.k8s_ml as ml
import rego.v1

deny contains result if {
	some svc in input.resources
	svc.type == "Service"
	ml.exposed_type(svc.values.spec.type)
	found := {t | some t in ml.service_tools(svc); ml.ml_ui(t)}
	count(found) > 0
	result := {
		"msg": sprintf("%s exposes %v through a %s Service", [svc.address, sort(found), svc.values.spec.type]),
		"resource": svc.address,
		"attribute": "spec.type",
	}
}
