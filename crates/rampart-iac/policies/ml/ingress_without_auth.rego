# METADATA
# title: Ingress publishes an ML service without authentication
# description: An Ingress routes to a Service in the same file that reaches a model server or ML tool (vLLM, TGI, Triton, TorchServe, Ollama, Ray, Jupyter, MLflow, Gradio, Streamlit...), or to a well-known ML port, and carries no authentication annotation of a common ingress controller.
# custom:
#   id: ml-ingress-without-auth
#   severity: high
#   kinds: [kubernetes]
#   cwe: [306]
#   owasp: ["A07:2021", "A01:2021"]
#   owasp_llm: ["LLM10:2025", "LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Model servers and ML tools mostly ship without authentication; an Ingress without an auth layer makes inference (GPU cost, model theft, prompt data), notebooks and experiment data public.
#   remediation: Add authentication at the ingress (nginx auth-url/auth-signin with oauth2-proxy, Traefik forward-auth middleware, ALB OIDC) or in an API gateway, plus rate limits.
#   references: ["https://kubernetes.github.io/ingress-nginx/examples/auth/oauth-external-auth/", "https://owasp.org/www-project-top-10-for-large-language-model-applications/"]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: tgi, namespace: ml}
#         spec:
#           template:
#             metadata:
#               labels: {app: tgi}
#             spec:
#               containers:
#                 - name: tgi
#                   image: ghcr.io/huggingface/text-generation-inference:2.4.0
#         ---
#         apiVersion: v1
#         kind: Service
#         metadata: {name: tgi, namespace: ml}
#         spec:
#           selector: {app: tgi}
#           ports: [{port: 80, targetPort: 80}]
#         ---
#         apiVersion: networking.k8s.io/v1
#         kind: Ingress
#         metadata: {name: llm, namespace: ml}
#         spec:
#           tls: [{hosts: [llm.example.com], secretName: llm-tls}]
#           rules:
#             - host: llm.example.com
#               http:
#                 paths:
#                   - {path: /, pathType: Prefix, backend: {service: {name: tgi, port: {number: 80}}}}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: tgi, namespace: ml}
#         spec:
#           template:
#             metadata:
#               labels: {app: tgi}
#             spec:
#               containers:
#                 - name: tgi
#                   image: ghcr.io/huggingface/text-generation-inference:2.4.0
#         ---
#         apiVersion: v1
#         kind: Service
#         metadata: {name: tgi, namespace: ml}
#         spec:
#           selector: {app: tgi}
#           ports: [{port: 80, targetPort: 80}]
#         ---
#         apiVersion: networking.k8s.io/v1
#         kind: Ingress
#         metadata:
#           name: llm
#           namespace: ml
#           annotations:
#             nginx.ingress.kubernetes.io/auth-url: https://auth.example.com/oauth2/auth
#             nginx.ingress.kubernetes.io/auth-signin: https://auth.example.com/oauth2/start
#         spec:
#           tls: [{hosts: [llm.example.com], secretName: llm-tls}]
#           rules:
#             - host: llm.example.com
#               http:
#                 paths:
#                   - {path: /, pathType: Prefix, backend: {service: {name: tgi, port: {number: 80}}}}
package rampart.ml.ingress_without_auth

import data.rampart.lib.k8s_ml as ml
import rego.v1

deny contains result if {
	some ing in input.resources
	ing.type == "Ingress"
	not ml.ingress_has_auth(ing)
	some b in ml.ingress_backends(ing)
	found := ml.backend_tools(ing, b)
	count(found) > 0
	result := {
		"msg": sprintf("%s publishes %v (service %s) without authentication", [ing.address, sort(found), b.name]),
		"resource": ing.address,
		"attribute": b.attribute,
	}
}
