# METADATA
# title: Container has no readiness probe
# description: The container has no readinessProbe, so it receives traffic before it can serve and while it is unhealthy.
# custom:
#   id: k8s-readiness-probe
#   severity: low
#   kinds: [kubernetes]
#   cwe: [754]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Without readiness gating, rollouts and restarts send requests to containers that are still starting or overloaded, causing errors and hiding failures.
#   remediation: Add a readinessProbe (httpGet, tcpSocket, grpc or exec) to every long-running container; Jobs, CronJobs and pod templates inside custom resources such as RayCluster (whose operators add probes) are not checked.
#   references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"]
#   aliases:
#     checkov: [CKV_K8S_9]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               containers: [{name: api, image: "api:2"}]
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
#                   readinessProbe: {httpGet: {path: /healthz, port: 8080}}
#       - |
#         apiVersion: batch/v1
#         kind: Job
#         metadata: {name: migrate, namespace: a}
#         spec:
#           template:
#             spec:
#               restartPolicy: Never
#               containers: [{name: m, image: "migrate:2"}]
package rampart.kubernetes.readiness_probe

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.app_containers
	not x.resource.type in k8s.batch_kinds
	is_object(x.resource.pod_spec) # custom resources (KubeRay, training jobs) manage their own probes
	not x.container.readinessProbe
	result := {
		"msg": sprintf("container %q of %s has no readinessProbe", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
