# METADATA
# title: TorchServe management API exposed outside the cluster
# description: A LoadBalancer or NodePort Service routes port 8081 (TorchServe's management API) to a TorchServe workload in the same file.
# custom:
#   id: ml-torchserve-management-exposed
#   severity: critical
#   kinds: [kubernetes]
#   cwe: [306, 94]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM03:2025", "LLM10:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: The management API registers models from arbitrary URLs; exposed, it lets anyone load a malicious model archive and run code in the server (the ShellTorch chain, CVE-2023-43654).
#   remediation: Expose only the inference port (8080) through an authenticated gateway; keep management (8081) and metrics (8082) ClusterIP or bound to localhost, and set allowed_urls in config.properties.
#   references: ["https://pytorch.org/serve/management_api.html", "https://nvd.nist.gov/vuln/detail/CVE-2023-43654"]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: ts, namespace: ml}
#         spec:
#           template:
#             metadata:
#               labels: {app: ts}
#             spec:
#               containers:
#                 - name: torchserve
#                   image: pytorch/torchserve:0.12.0-gpu
#                   ports: [{containerPort: 8080}, {containerPort: 8081}]
#         ---
#         apiVersion: v1
#         kind: Service
#         metadata: {name: ts, namespace: ml}
#         spec:
#           type: LoadBalancer
#           selector: {app: ts}
#           ports:
#             - {name: inference, port: 8080}
#             - {name: management, port: 8081}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: ts, namespace: ml}
#         spec:
#           template:
#             metadata:
#               labels: {app: ts}
#             spec:
#               containers:
#                 - name: torchserve
#                   image: pytorch/torchserve:0.12.0-gpu
#         ---
#         apiVersion: v1
#         kind: Service
#         metadata: {name: ts, namespace: ml}
#         spec:
#           type: LoadBalancer
#           selector: {app: ts}
#           ports:
#             - {name: inference, port: 8080}
package rampart.ml.torchserve_management_exposed

import data.rampart.lib.k8s_ml as ml
import rego.v1

deny contains result if {
	some svc in input.resources
	svc.type == "Service"
	ml.exposed_type(svc.values.spec.type)
	"torchserve" in ml.service_tools(svc)
	some i, p in svc.values.spec.ports
	8081 in {object.get(p, "port", 0), object.get(p, "targetPort", 0)}
	result := {
		"msg": sprintf("%s exposes the TorchServe management API (8081) through a %s Service", [svc.address, svc.values.spec.type]),
		"resource": svc.address,
		"attribute": sprintf("spec.ports.%d", [i]),
	}
}
