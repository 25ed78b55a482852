# METADATA
# title: Container adds Linux capabilities
# description: securityContext.capabilities.add grants capabilities beyond the runtime default; only NET_BIND_SERVICE is allowed by the restricted Pod Security Standard.
# custom:
#   id: k8s-capabilities-added
#   severity: low
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Every added capability widens what a compromised process can do to the kernel; each should be justified and reviewed.
#   remediation: Remove the added capabilities, or keep only NET_BIND_SERVICE with drop ALL.
#   references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted", "https://man7.org/linux/man-pages/man7/capabilities.7.html"]
#   aliases:
#     checkov: [CKV_K8S_25]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: vpn, namespace: net}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: vpn
#                   image: wireguard:1.0
#                   securityContext: {capabilities: {add: ["NET_ADMIN"]}}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: web, namespace: net}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: web
#                   image: web:1.0
#                   securityContext: {capabilities: {drop: ["ALL"], add: ["NET_BIND_SERVICE"]}}
package rampart.kubernetes.capabilities_added

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	extra := k8s.added_caps(x.container) - {"NET_BIND_SERVICE"}
	count(extra) > 0
	result := {
		"msg": sprintf("container %q of %s adds capabilities %v", [x.container.name, x.resource.address, sort(extra)]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.securityContext.capabilities.add", [x.path]),
	}
}
