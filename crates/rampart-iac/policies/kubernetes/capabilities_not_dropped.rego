# METADATA
# title: Container does not drop all capabilities
# description: securityContext.capabilities.drop does not contain ALL, so the container keeps the runtime's default capability set.
# custom:
#   id: k8s-capabilities-not-dropped
#   severity: low
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: The default set (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW and more) is far more than most services need; the restricted Pod Security Standard requires dropping ALL.
#   remediation: Set capabilities.drop to ["ALL"] and add back only what the process needs.
#   references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"]
#   aliases:
#     checkov: [CKV_K8S_37]
#     trivy: [KSV003, AVD-KSV-0003]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: api
#                   image: api:2.0
#                   securityContext: {capabilities: {drop: ["NET_RAW"]}}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: api
#                   image: api:2.0
#                   securityContext: {capabilities: {drop: ["ALL"]}}
package rampart.kubernetes.capabilities_not_dropped

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	not "ALL" in k8s.dropped_caps(x.container)
	result := {
		"msg": sprintf("container %q of %s does not drop ALL capabilities", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.securityContext.capabilities.drop", [x.path]),
	}
}
