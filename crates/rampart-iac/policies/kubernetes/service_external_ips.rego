# METADATA
# title: Service sets externalIPs
# description: A Service lists spec.externalIPs, making kube-proxy capture traffic for those addresses on every node.
# custom:
#   id: k8s-service-external-ips
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [441]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Whoever can create a Service with externalIPs can intercept traffic the cluster sends to any address (CVE-2020-8554); the feature is best denied by admission policy.
#   remediation: Remove externalIPs and use a LoadBalancer or Ingress; enable the DenyServiceExternalIPs admission plugin.
#   references: ["https://kubernetes.io/docs/concepts/services-networking/service/#external-ips", "https://github.com/kubernetes/kubernetes/issues/97076"]
#   aliases:
#     trivy: [KSV108, AVD-KSV-0108]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Service
#         metadata: {name: api, namespace: shop}
#         spec:
#           selector: {app: api}
#           ports: [{port: 80}]
#           externalIPs: [198.51.100.7]
#     pass:
#       - |
#         apiVersion: v1
#         kind: Service
#         metadata: {name: api, namespace: shop}
#         spec:
#           selector: {app: api}
#           ports: [{port: 80}]
package rampart.kubernetes.service_external_ips

import rego.v1

deny contains result if {
	some r in input.resources
	r.type == "Service"
	count(r.values.spec.externalIPs) > 0
	result := {
		"msg": sprintf("%s claims external IPs %v", [r.address, r.values.spec.externalIPs]),
		"resource": r.address,
		"attribute": "spec.externalIPs",
	}
}
