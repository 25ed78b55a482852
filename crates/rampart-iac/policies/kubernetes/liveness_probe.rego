# METADATA
# title: Container has no liveness probe
# description: The container has no livenessProbe, so Kubernetes cannot restart it when it hangs.
# custom:
#   id: k8s-liveness-probe
#   severity: low
#   kinds: [kubernetes]
#   cwe: [754]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: A deadlocked or wedged process keeps receiving no restarts, which turns a transient fault into a lasting outage (availability is part of security).
#   remediation: Add a livenessProbe (httpGet, tcpSocket, grpc or exec) to every long-running container; Jobs, CronJobs and pod templates inside custom resources such as RayCluster (whose operators add probes) are not checked.
#   references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"]
#   aliases:
#     checkov: [CKV_K8S_8]
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
#                   livenessProbe: {httpGet: {path: /healthz, port: 8080}}
#       - |
#         apiVersion: batch/v1
#         kind: Job
#         metadata: {name: migrate, namespace: a}
#         spec:
#           template:
#             spec:
#               restartPolicy: Never
#               containers: [{name: m, image: "migrate:2"}]
package rampart.kubernetes.liveness_probe

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.app_containers
	not x.resource.type in k8s.batch_kinds
	is_object(x.resource.pod_spec) # custom resources (KubeRay, training jobs) manage their own probes
	not x.container.livenessProbe
	result := {
		"msg": sprintf("container %q of %s has no livenessProbe", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
