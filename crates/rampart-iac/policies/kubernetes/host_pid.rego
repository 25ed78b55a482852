# METADATA
# title: Pod shares the host process ID namespace
# description: hostPID true lets the pod's containers see and signal every process on the node.
# custom:
#   id: k8s-host-pid
#   severity: high
#   kinds: [kubernetes]
#   cwe: [653]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: With the host PID namespace a container can inspect other processes' environment and memory (secrets included) through /proc and, with ptrace, take them over.
#   remediation: Remove hostPID from the pod spec (it defaults to false); the baseline Pod Security Standard forbids it.
#   references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"]
#   aliases:
#     checkov: [CKV_K8S_17]
#     trivy: [KSV010, AVD-KSV-0010]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: agent, namespace: ops}
#         spec:
#           template:
#             spec:
#               hostPID: true
#               containers: [{name: agent, image: "agent:2.1"}]
#       - |
#         apiVersion: batch/v1
#         kind: CronJob
#         metadata: {name: nightly, namespace: ops}
#         spec:
#           schedule: "0 1 * * *"
#           jobTemplate:
#             spec:
#               template:
#                 spec:
#                   hostPID: true
#                   containers: [{name: job, image: "job:1"}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: agent, namespace: ops}
#         spec:
#           template:
#             spec:
#               hostPID: false
#               containers: [{name: agent, image: "agent:2.1"}]
package rampart.kubernetes.host_pid

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some p in k8s.pods
	r := p.resource
	p.spec.hostPID == true
	result := {
		"msg": sprintf("%s sets hostPID: true", [r.address]),
		"resource": r.address,
		"attribute": sprintf("%s.hostPID", [p.path]),
	}
}
