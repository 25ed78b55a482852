# METADATA
# title: Role can use the nodes/proxy subresource
# description: A rule grants access to nodes/proxy, which forwards requests straight to the kubelet API.
# custom:
#   id: k8s-rbac-nodes-proxy
#   severity: high
#   kinds: [kubernetes]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: The kubelet API behind nodes/proxy can run commands in any pod on the node and is not subject to the API server's admission control or detailed audit.
#   remediation: Remove nodes/proxy; monitoring agents should read metrics from /metrics endpoints or the metrics API.
#   references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/"]
#   aliases:
#     trivy: [KSV047, AVD-KSV-0047]
#   examples:
#     fail:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [""], resources: [nodes/proxy], verbs: [get, create]}
#     pass:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [""], resources: [nodes, nodes/metrics], verbs: [get, list]}
package rampart.kubernetes.rbac_nodes_proxy

import data.rampart.lib.k8s_rbac as rbac
import rego.v1

deny contains result if {
	some x in rbac.rules
	rbac.grants(x.rule, {"get", "create", "list", "watch", "update", "patch"}, {"nodes/proxy"})
	result := {
		"msg": sprintf("%s can proxy requests to the kubelet (nodes/proxy)", [x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
