# METADATA
# title: Container adds the SYS_ADMIN capability
# description: securityContext.capabilities.add includes SYS_ADMIN (or ALL), the catch-all capability behind mount, namespace and many kernel administration calls.
# custom:
#   id: k8s-cap-sys-admin
#   severity: high
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: SYS_ADMIN is close to full root; with it several well-known container escapes (cgroup release_agent, mounting host devices) become possible.
#   remediation: Remove SYS_ADMIN from capabilities.add; use the narrow capability the workload actually needs, or a device plugin / CSI driver for mounts.
#   references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html", "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"]
#   aliases:
#     checkov: [CKV_K8S_39]
#     trivy: [KSV005, AVD-KSV-0005]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: fuse, namespace: a}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: c
#                   image: fuse:1
#                   securityContext: {capabilities: {add: ["SYS_ADMIN"]}}
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           containers:
#             - name: c
#               image: x:1
#               securityContext: {capabilities: {add: ["CAP_SYS_ADMIN"]}}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: web, namespace: a}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: c
#                   image: web:1
#                   securityContext: {capabilities: {drop: ["ALL"], add: ["NET_BIND_SERVICE"]}}
package rampart.kubernetes.cap_sys_admin

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	some cap in k8s.added_caps(x.container)
	cap in {"SYS_ADMIN", "ALL"}
	result := {
		"msg": sprintf("container %q of %s adds capability %s", [x.container.name, x.resource.address, cap]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.securityContext.capabilities.add", [x.path]),
	}
}
