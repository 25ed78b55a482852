# METADATA
# title: Container binds a host port
# description: A container port sets hostPort, publishing it on the node's own IP address.
# custom:
#   id: k8s-host-port
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [668]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: A hostPort bypasses Services and often NetworkPolicy, exposes the workload on every address of the node and limits scheduling to one such pod per node.
#   remediation: Remove hostPort and expose the workload through a Service (ClusterIP behind an Ingress or Gateway).
#   references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline", "https://kubernetes.io/docs/concepts/configuration/overview/#services"]
#   aliases:
#     checkov: [CKV_K8S_26]
#     trivy: [KSV024, AVD-KSV-0024]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: web, namespace: shop}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: web
#                   image: nginx:1.27
#                   ports: [{containerPort: 80, hostPort: 80}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: web, namespace: shop}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: web
#                   image: nginx:1.27
#                   ports: [{containerPort: 80}]
package rampart.kubernetes.host_port

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	some i, p in x.container.ports
	p.hostPort
	p.hostPort != 0
	result := {
		"msg": sprintf("container %q of %s binds host port %v", [x.container.name, x.resource.address, p.hostPort]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.ports.%d.hostPort", [x.path, i]),
	}
}
