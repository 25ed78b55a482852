# METADATA
# title: Service is exposed on every node with NodePort
# description: A Service of type NodePort opens its port on every node's address.
# custom:
#   id: k8s-service-nodeport
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [668]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: NodePorts bypass Ingress and its TLS, authentication and rate limiting, and are reachable from anywhere that can reach a node, often including other networks or the internet.
#   remediation: Use a ClusterIP Service behind an Ingress or Gateway, or restrict node reachability with firewalls.
#   references: ["https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport"]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Service
#         metadata: {name: api, namespace: shop}
#         spec:
#           type: NodePort
#           selector: {app: api}
#           ports: [{port: 80, targetPort: 8080, nodePort: 30080}]
#     pass:
#       - |
#         apiVersion: v1
#         kind: Service
#         metadata: {name: api, namespace: shop}
#         spec:
#           type: ClusterIP
#           selector: {app: api}
#           ports: [{port: 80, targetPort: 8080}]
package rampart.kubernetes.service_nodeport

import rego.v1

deny contains result if {
	some r in input.resources
	r.type == "Service"
	r.values.spec.type == "NodePort"
	result := {
		"msg": sprintf("%s is a NodePort Service, open on every node", [r.address]),
		"resource": r.address,
		"attribute": "spec.type",
	}
}
