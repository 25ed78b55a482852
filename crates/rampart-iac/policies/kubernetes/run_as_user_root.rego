# METADATA
# title: Container is configured to run as UID 0
# description: runAsUser is explicitly 0 for the container (directly or inherited from the pod securityContext).
# custom:
#   id: k8s-run-as-user-root
#   severity: high
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Explicitly choosing root overrides a non-root USER baked into the image and hands the process root's power over every mounted volume and any kernel bug.
#   remediation: Use a non-zero runAsUser (10000 or above avoids clashing with host users) and set runAsNonRoot true.
#   references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"]
#   aliases:
#     trivy: [KSV105, AVD-KSV-0105]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               securityContext: {runAsUser: 0}
#               containers: [{name: api, image: "api:2.0"}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               securityContext: {runAsUser: 0}
#               containers:
#                 - name: api
#                   image: api:2.0
#                   securityContext: {runAsUser: 10001}
package rampart.kubernetes.run_as_user_root

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	k8s.effective(x, "runAsUser") == 0
	result := {
		"msg": sprintf("container %q of %s runs as UID 0", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": k8s.effective_path(x, "runAsUser"),
	}
}
