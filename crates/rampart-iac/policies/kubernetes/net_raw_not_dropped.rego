# METADATA
# title: Container keeps the default NET_RAW capability
# description: The container drops neither ALL nor NET_RAW, so it keeps the raw-socket capability container runtimes grant by default.
# custom:
#   id: k8s-net-raw-not-dropped
#   severity: low
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Docker and containerd grant NET_RAW by default; few applications need it and it enables packet spoofing inside the cluster network.
#   remediation: Add "ALL" (or at least "NET_RAW") to securityContext.capabilities.drop.
#   references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container"]
#   aliases:
#     checkov: [CKV_K8S_28]
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
#                   image: api:2.0
#                   securityContext: {capabilities: {drop: ["all"]}}
package rampart.kubernetes.net_raw_not_dropped

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	dropped := k8s.dropped_caps(x.container)
	not "ALL" in dropped
	not "NET_RAW" in dropped
	not k8s.sc(x.container).privileged == true
	result := {
		"msg": sprintf("container %q of %s does not drop NET_RAW", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.securityContext.capabilities.drop", [x.path]),
	}
}
