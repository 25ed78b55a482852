# METADATA
# title: Container has no CPU request
# description: resources.requests.cpu is not set, so the scheduler places the pod without reserving CPU for it.
# custom:
#   id: k8s-cpu-requests
#   severity: low
#   kinds: [kubernetes]
#   cwe: [770]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Pods without requests are scheduled onto nodes that cannot serve them and are the first to be starved or evicted under contention.
#   remediation: Set resources.requests.cpu on every container (a LimitRange in the namespace can supply defaults, but an explicit value documents the workload's needs).
#   references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"]
#   aliases:
#     checkov: [CKV_K8S_10]
#     trivy: [KSV015, AVD-KSV-0015]
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
#                   resources: {limits: {cpu: "1"}}
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
#                   resources: {requests: {cpu: "500m"}}
package rampart.kubernetes.cpu_requests

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	x.field != "ephemeralContainers"
	not x.container.resources.requests.cpu
	result := {
		"msg": sprintf("container %q of %s has no cpu requests", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.resources.requests", [x.path]),
	}
}
