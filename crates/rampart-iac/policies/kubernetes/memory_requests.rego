# METADATA
# title: Container has no memory request
# description: resources.requests.memory is not set, so the scheduler reserves no memory for the container.
# custom:
#   id: k8s-memory-requests
#   severity: low
#   kinds: [kubernetes]
#   cwe: [770]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Without a memory request the pod lands on nodes already short of memory and is evicted first under pressure.
#   remediation: Set resources.requests.memory on every container (a LimitRange in the namespace can supply defaults, but an explicit value documents the workload's needs).
#   references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"]
#   aliases:
#     checkov: [CKV_K8S_12]
#     trivy: [KSV016, AVD-KSV-0016]
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
#                   resources: {limits: {memory: "1"}}
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
#                   resources: {requests: {memory: "500m"}}
package rampart.kubernetes.memory_requests

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	x.field != "ephemeralContainers"
	not x.container.resources.requests.memory
	result := {
		"msg": sprintf("container %q of %s has no memory requests", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.resources.requests", [x.path]),
	}
}
