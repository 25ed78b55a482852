# METADATA
# title: Ingress uses an NGINX configuration snippet annotation
# description: An Ingress sets nginx.ingress.kubernetes.io configuration-snippet, server-snippet, auth-snippet or stream-snippet annotations, which inject raw NGINX configuration.
# custom:
#   id: k8s-ingress-nginx-snippet
#   severity: high
#   kinds: [kubernetes]
#   cwe: [94]
#   owasp: ["A03:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Snippets run in the controller, which can read every TLS key and Secret the controller can access; snippet injection has led to cluster-wide Secret disclosure (CVE-2021-25742).
#   remediation: Replace snippets with first-class annotations or controller ConfigMap settings, and keep allow-snippet-annotations false on the controller.
#   references: ["https://github.com/kubernetes/ingress-nginx/issues/7837", "https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/"]
#   aliases:
#     checkov: [CKV_K8S_153]
#   examples:
#     fail:
#       - |
#         apiVersion: networking.k8s.io/v1
#         kind: Ingress
#         metadata:
#           name: web
#           namespace: shop
#           annotations:
#             nginx.ingress.kubernetes.io/configuration-snippet: |
#               more_set_headers "X-Frame-Options: DENY";
#         spec:
#           rules: [{host: shop.example.com}]
#     pass:
#       - |
#         apiVersion: networking.k8s.io/v1
#         kind: Ingress
#         metadata:
#           name: web
#           namespace: shop
#           annotations: {nginx.ingress.kubernetes.io/ssl-redirect: "true"}
#         spec:
#           rules: [{host: shop.example.com}]
package rampart.kubernetes.ingress_nginx_snippet

import rego.v1

deny contains result if {
	some r in input.resources
	r.type == "Ingress"
	some k, _ in object.get(r.values.metadata, "annotations", {})
	startswith(k, "nginx.ingress.kubernetes.io/")
	endswith(k, "-snippet")
	result := {
		"msg": sprintf("%s injects raw NGINX configuration through %s", [r.address, k]),
		"resource": r.address,
		"attribute": sprintf("metadata.annotations.%s", [k]),
	}
}
