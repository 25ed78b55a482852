# METADATA
# title: Container has no memory limit
# description: resources.limits.memory is not set, so the container may consume all memory of its node.
# custom:
#   id: k8s-memory-limits
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [770]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: A leak or a crafted request can drive the node out of memory, and the kernel OOM killer may then pick other workloads or node daemons.
#   remediation: Set resources.limits.memory on every container (a LimitRange in the namespace can supply defaults, but an explicit value documents the workload's needs).
#   references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"]
#   aliases:
#     checkov: [CKV_K8S_13]
#     trivy: [KSV018, AVD-KSV-0018]
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
#                   image: api:2
#                   resources: {requests: {memory: "1"}}
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
#                   image: api:2
#                   resources: {limits: {memory: "500m"}}
package rampart.kubernetes.memory_limits

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	x.field != "ephemeralContainers"
	not x.container.resources.limits.memory
	result := {
		"msg": sprintf("container %q of %s has no memory limits", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.resources.limits", [x.path]),
	}
}
