# METADATA
# title: Container has no CPU limit
# description: resources.limits.cpu is not set, so the container may use all CPU of its node.
# custom:
#   id: k8s-cpu-limits
#   severity: low
#   kinds: [kubernetes]
#   cwe: [770]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: An unbounded container can starve its neighbours of CPU, whether through a bug, a traffic spike or a cryptominer.
#   remediation: Set resources.limits.cpu on every container (a LimitRange in the namespace can supply defaults, but an explicit value documents the workload's needs).
#   references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"]
#   aliases:
#     checkov: [CKV_K8S_11]
#     trivy: [KSV011, AVD-KSV-0011]
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
#                   resources: {requests: {cpu: "1"}}
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
#                   resources: {limits: {cpu: "500m"}}
package rampart.kubernetes.cpu_limits

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	x.field != "ephemeralContainers"
	not x.container.resources.limits.cpu
	result := {
		"msg": sprintf("container %q of %s has no cpu limits", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.resources.limits", [x.path]),
	}
}
