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
#       - |
#         apiVersion: ray.io/v1
#         kind: RayCluster
#         metadata: {name: rc, namespace: ml}
#         spec:
#           headGroupSpec:
#             serviceType: NodePort
#             rayStartParams: {}
#             template:
#               spec:
#                 containers: [{name: ray-head, image: "rayproject/ray:2.38.0"}]
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

head_group(r) := r.values.spec.headGroupSpec if r.type == "RayCluster"

head_group(r) := r.values.spec.rayClusterSpec.headGroupSpec if r.type == "RayJob"

head_group(r) := r.values.spec.rayClusterConfig.headGroupSpec if r.type == "RayService"

head_group_path(r) := "spec.headGroupSpec" if r.type == "RayCluster"

head_group_path(r) := "spec.rayClusterSpec.headGroupSpec" if r.type == "RayJob"

head_group_path(r) := "spec.rayClusterConfig.headGroupSpec" if r.type == "RayService"

head_service_type(g) := [g.headService.spec.type, "headService.spec.type"] if {
	g.headService.spec.type
} else := [g.serviceType, "serviceType"] if {
	g.serviceType
}

deny contains result if {
	some r in input.resources
	[t, field] := head_service_type(head_group(r))
	ml.exposed_type(t)
	result := {
		"msg": sprintf("%s publishes its Ray head (dashboard/Jobs API, client) through a %s Service", [r.address, t]),
		"resource": r.address,
		"attribute": sprintf("%s.%s", [head_group_path(r), field]),
	}
}
