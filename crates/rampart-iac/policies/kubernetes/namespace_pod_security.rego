# METADATA
# title: Namespace does not enforce a Pod Security Standard
# description: A Namespace has no pod-security.kubernetes.io/enforce label, or enforces the privileged level.
# custom:
#   id: k8s-namespace-pod-security
#   severity: low
#   kinds: [kubernetes]
#   cwe: [1188]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Pod Security admission is the built-in guard that rejects privileged, host-namespace and root pods; without an enforce label every such pod is admitted into the namespace.
#   remediation: Label the namespace pod-security.kubernetes.io/enforce with baseline or restricted (and pin enforce-version).
#   references: ["https://kubernetes.io/docs/concepts/security/pod-security-admission/", "https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/"]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Namespace
#         metadata: {name: shop}
#       - |
#         apiVersion: v1
#         kind: Namespace
#         metadata:
#           name: shop
#           labels: {pod-security.kubernetes.io/enforce: privileged}
#     pass:
#       - |
#         apiVersion: v1
#         kind: Namespace
#         metadata:
#           name: shop
#           labels:
#             pod-security.kubernetes.io/enforce: restricted
#             pod-security.kubernetes.io/enforce-version: latest
package rampart.kubernetes.namespace_pod_security

import rego.v1

level(r) := l if {
	l := r.values.metadata.labels["pod-security.kubernetes.io/enforce"]
} else := ""

deny contains result if {
	some r in input.resources
	r.type == "Namespace"
	not r.values.metadata.name in {"kube-system", "kube-public", "kube-node-lease"}
	level(r) in {"", "privileged"}
	result := {
		"msg": sprintf("%s does not enforce the baseline or restricted Pod Security Standard", [r.address]),
		"resource": r.address,
		"attribute": "metadata.labels",
	}
}
