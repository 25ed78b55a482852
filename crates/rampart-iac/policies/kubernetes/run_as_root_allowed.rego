# METADATA
# title: Container may run as root
# description: Neither runAsNonRoot true nor a non-zero runAsUser applies to the container (container or pod level), so it runs as whatever user the image declares, often root.
# custom:
#   id: k8s-run-as-root-allowed
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Root in a container is root on the node's kernel; any kernel or runtime escape bug then lands as root, and file permissions stop protecting mounted volumes.
#   remediation: Set securityContext.runAsNonRoot true at pod level (and a non-zero runAsUser, or a USER in the image).
#   references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted", "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"]
#   aliases:
#     checkov: [CKV_K8S_23]
#     trivy: [KSV012, AVD-KSV-0012]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               containers: [{name: api, image: "api:2.0"}]
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               securityContext: {runAsNonRoot: true}
#               containers:
#                 - name: api
#                   image: api:2.0
#                   securityContext: {runAsNonRoot: false}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               securityContext: {runAsNonRoot: true}
#               containers: [{name: api, image: "api:2.0"}]
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           containers:
#             - name: c
#               image: app:1
#               securityContext: {runAsUser: 10001}
package rampart.kubernetes.run_as_root_allowed

import data.rampart.lib.k8s_workload as k8s
import rego.v1

non_root(x) if k8s.effective(x, "runAsNonRoot") == true

non_root(x) if {
	uid := k8s.effective(x, "runAsUser")
	is_number(uid)
	uid > 0
}

deny contains result if {
	some x in k8s.containers
	not non_root(x)
	result := {
		"msg": sprintf("container %q of %s is not required to run as a non-root user", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": k8s.effective_path(x, "runAsNonRoot"),
	}
}
