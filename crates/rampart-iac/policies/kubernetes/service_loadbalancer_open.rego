# METADATA
# title: LoadBalancer Service is open to the whole internet
# description: A Service of type LoadBalancer has no loadBalancerSourceRanges (or allows 0.0.0.0/0 or ::/0) and is not marked internal.
# custom:
#   id: k8s-service-loadbalancer-open
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [668]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Cloud load balancers created for such Services get a public address that accepts connections from anywhere, which is rarely intended for anything but a front door behind TLS and authentication.
#   remediation: Set loadBalancerSourceRanges to the networks that need access, use the provider's internal load balancer annotation, or publish through an Ingress/Gateway.
#   references: ["https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer", "https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/"]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Service
#         metadata: {name: admin, namespace: shop}
#         spec:
#           type: LoadBalancer
#           selector: {app: admin}
#           ports: [{port: 443, targetPort: 8443}]
#     pass:
#       - |
#         apiVersion: v1
#         kind: Service
#         metadata: {name: admin, namespace: shop}
#         spec:
#           type: LoadBalancer
#           loadBalancerSourceRanges: [203.0.113.0/24]
#           selector: {app: admin}
#           ports: [{port: 443, targetPort: 8443}]
#       - |
#         apiVersion: v1
#         kind: Service
#         metadata:
#           name: admin
#           namespace: shop
#           annotations: {service.beta.kubernetes.io/aws-load-balancer-internal: "true"}
#         spec:
#           type: LoadBalancer
#           ports: [{port: 443}]
package rampart.kubernetes.service_loadbalancer_open

import rego.v1

internal_annotations := {
	"service.beta.kubernetes.io/aws-load-balancer-internal",
	"service.beta.kubernetes.io/azure-load-balancer-internal",
	"networking.gke.io/load-balancer-type",
	"cloud.google.com/load-balancer-type",
	"service.beta.kubernetes.io/oci-load-balancer-internal",
	"service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type",
}

internal(r) if {
	some k, v in object.get(r.values.metadata, "annotations", {})
	k in internal_annotations
	lower(sprintf("%v", [v])) in {"true", "internal", "private"}
}

internal(r) if r.values.metadata.annotations["service.beta.kubernetes.io/aws-load-balancer-scheme"] == "internal"

open_ranges(spec) if not spec.loadBalancerSourceRanges

open_ranges(spec) if count(spec.loadBalancerSourceRanges) == 0

open_ranges(spec) if {
	some cidr in spec.loadBalancerSourceRanges
	cidr in {"0.0.0.0/0", "::/0"}
}

deny contains result if {
	some r in input.resources
	r.type == "Service"
	r.values.spec.type == "LoadBalancer"
	open_ranges(r.values.spec)
	not internal(r)
	result := {
		"msg": sprintf("%s is a public LoadBalancer with no source ranges", [r.address]),
		"resource": r.address,
		"attribute": "spec.type",
	}
}
