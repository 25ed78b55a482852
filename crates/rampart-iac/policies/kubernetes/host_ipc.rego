# METADATA
# title: Pod shares the host IPC namespace
# description: hostIPC true lets the pod's containers use the node's System V IPC and POSIX shared memory.
# custom:
#   id: k8s-host-ipc
#   severity: high
#   kinds: [kubernetes]
#   cwe: [653]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Shared memory segments of host processes and other pods become readable and writable, leaking or corrupting their data.
#   remediation: Remove hostIPC from the pod spec (it defaults to false); the baseline Pod Security Standard forbids it.
#   references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"]
#   aliases:
#     checkov: [CKV_K8S_18]
#     trivy: [KSV008, AVD-KSV-0008]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: agent, namespace: ops}
#         spec:
#           template:
#             spec:
#               hostIPC: true
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
#                   hostIPC: true
#                   containers: [{name: job, image: "job:1"}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: agent, namespace: ops}
#         spec:
#           template:
#             spec:
#               hostIPC: false
#               containers: [{name: agent, image: "agent:2.1"}]
package rampart.kubernetes.host_ipc

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some p in k8s.pods
	r := p.resource
	p.spec.hostIPC == true
	result := {
		"msg": sprintf("%s sets hostIPC: true", [r.address]),
		"resource": r.address,
		"attribute": sprintf("%s.hostIPC", [p.path]),
	}
}
