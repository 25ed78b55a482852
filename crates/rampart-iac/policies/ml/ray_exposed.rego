# METADATA
# title: Ray dashboard or client port exposed outside the cluster
# description: A LoadBalancer or NodePort Service routes to a Ray head (rayproject/ray image or ray start) or exposes the Ray dashboard/Jobs API port 8265 or the Ray client port 10001.
# custom:
#   id: ml-ray-exposed
#   severity: critical
#   kinds: [kubernetes]
#   cwe: [306, 94]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM10:2025", "LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Ray has no authentication by design; its Jobs API runs arbitrary commands on the cluster. Exposed Ray dashboards were mass-exploited in the ShadowRay campaign (CVE-2023-48022) to steal model weights, cloud credentials and GPU time.
#   remediation: Keep Ray's Services ClusterIP and reach the dashboard through kubectl port-forward or an authenticating proxy; never publish 8265 or 10001.
#   references: ["https://docs.ray.io/en/latest/ray-security/index.html", "https://nvd.nist.gov/vuln/detail/CVE-2023-48022"]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Service
#         metadata: {name: ray-head, namespace: ml}
#         spec:
#           type: LoadBalancer
#           selector: {ray.io/node-type: head}
#           ports:
#             - {name: dashboard, port: 8265}
#             - {name: client, port: 10001}
#     pass:
#       - |
#         apiVersion: v1
#         kind: Service
#         metadata: {name: ray-head, namespace: ml}
#         spec:
#           type: ClusterIP
#           selector: {ray.io/node-type: head}
#           ports:
#             - {name: dashboard, port: 8265}
package rampart.ml.ray_exposed

import data.rampart.lib.k8s_ml as ml
import rego.v1

deny contains result if {
	some svc in input.resources
	svc.type == "Service"
	ml.exposed_type(svc.values.spec.type)
	"ray" in ml.service_tools(svc)
	result := {
		"msg": sprintf("%s exposes Ray (dashboard/Jobs API or client) through a %s Service", [svc.address, svc.values.spec.type]),
		"resource": svc.address,
		"attribute": "spec.type",
	}
}
