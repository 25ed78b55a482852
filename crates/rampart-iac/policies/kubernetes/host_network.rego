# METADATA
# title: Pod shares the host network namespace
# description: hostNetwork true puts the pod on the node's network stack, sees every interface, can bind host ports and reach services listening on localhost of the node.
# custom:
#   id: k8s-host-network
#   severity: high
#   kinds: [kubernetes]
#   cwe: [653]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: A pod on the host network bypasses NetworkPolicy, can sniff node traffic and reach node-local endpoints such as the kubelet and cloud metadata services.
#   remediation: Remove hostNetwork from the pod spec (it defaults to false); the baseline Pod Security Standard forbids it.
#   references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"]
#   aliases:
#     checkov: [CKV_K8S_19]
#     trivy: [KSV009, AVD-KSV-0009]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: agent, namespace: ops}
#         spec:
#           template:
#             spec:
#               hostNetwork: true
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
#                   hostNetwork: true
#                   containers: [{name: job, image: "job:1"}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: agent, namespace: ops}
#         spec:
#           template:
#             spec:
#               hostNetwork: false
#               containers: [{name: agent, image: "agent:2.1"}]
package rampart.kubernetes.host_network

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some p in k8s.pods
	r := p.resource
	p.spec.hostNetwork == true
	result := {
		"msg": sprintf("%s sets hostNetwork: true", [r.address]),
		"resource": r.address,
		"attribute": sprintf("%s.hostNetwork", [p.path]),
	}
}
