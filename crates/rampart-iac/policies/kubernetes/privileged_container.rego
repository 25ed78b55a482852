# METADATA
# title: Container runs privileged
# description: A container with securityContext.privileged set to true gets every capability and all host devices, with no isolation from the node.
# custom:
#   id: k8s-privileged-container
#   severity: high
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: A privileged container is root on the node in all but name; one compromised process can load kernel modules, read every disk and take over the host and its other pods.
#   remediation: Remove privileged true (or set it to false) and grant only the specific capabilities the workload needs.
#   references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline", "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"]
#   aliases:
#     checkov: [CKV_K8S_16]
#     trivy: [KSV017, AVD-KSV-0017]
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
#                   securityContext: {privileged: true}
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: dbg}
#         spec:
#           containers: [{name: app, image: app:1.0}]
#           initContainers:
#             - name: setup
#               image: busybox:1.36
#               securityContext: {privileged: true}
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
#                   securityContext: {privileged: false}
package rampart.kubernetes.privileged_container

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	k8s.sc(x.container).privileged == true
	result := {
		"msg": sprintf("container %q of %s runs privileged", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.securityContext.privileged", [x.path]),
	}
}
