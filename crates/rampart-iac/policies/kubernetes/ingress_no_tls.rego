# METADATA
# title: Ingress serves plain HTTP
# description: An Ingress has rules but no spec.tls section, so its hosts are served without TLS by the controller.
# custom:
#   id: k8s-ingress-no-tls
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Without TLS, credentials, session cookies and data cross the network in clear text and can be read or modified in transit.
#   remediation: Add a spec.tls entry for every host with a certificate Secret (for example issued by cert-manager) and redirect HTTP to HTTPS.
#   references: ["https://kubernetes.io/docs/concepts/services-networking/ingress/#tls"]
#   examples:
#     fail:
#       - |
#         apiVersion: networking.k8s.io/v1
#         kind: Ingress
#         metadata: {name: web, namespace: shop}
#         spec:
#           rules:
#             - host: shop.example.com
#               http:
#                 paths:
#                   - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
#     pass:
#       - |
#         apiVersion: networking.k8s.io/v1
#         kind: Ingress
#         metadata: {name: web, namespace: shop}
#         spec:
#           tls:
#             - {hosts: [shop.example.com], secretName: shop-tls}
#           rules:
#             - host: shop.example.com
#               http:
#                 paths:
#                   - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
package rampart.kubernetes.ingress_no_tls

import rego.v1

deny contains result if {
	some r in input.resources
	r.type == "Ingress"
	count(object.get(r.values.spec, "rules", [])) > 0
	count(object.get(r.values.spec, "tls", [])) == 0
	not passthrough(r)
	result := {
		"msg": sprintf("%s has no TLS configuration", [r.address]),
		"resource": r.address,
		"attribute": "spec",
	}
}

# TLS passed through to the backend (terminated by the service itself).
passthrough(r) if object.get(object.get(r.values.metadata, "annotations", {}), "nginx.ingress.kubernetes.io/ssl-passthrough", "") in {"true", true}
