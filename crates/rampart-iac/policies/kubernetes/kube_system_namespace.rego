# METADATA
# title: Workload is deployed into kube-system
# description: A workload outside the control plane's own components is placed in the kube-system namespace.
# custom:
#   id: k8s-kube-system-namespace
#   severity: low
#   kinds: [kubernetes]
#   cwe: [653]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: kube-system is exempt from most Pod Security and admission controls and holds highly privileged service accounts; an application there inherits that trust and that blast radius.
#   remediation: Deploy applications and add-ons into their own namespaces.
#   references: ["https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces"]
#   aliases:
#     trivy: [KSV037, AVD-KSV-0037]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: shop-api, namespace: kube-system}
#         spec:
#           template:
#             spec:
#               containers: [{name: api, image: "acme/api:2"}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: shop-api, namespace: shop}
#         spec:
#           template:
#             spec:
#               containers: [{name: api, image: "acme/api:2"}]
package rampart.kubernetes.kube_system_namespace

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some r in k8s.workloads
	k8s.namespace(r) == "kube-system"
	result := {
		"msg": sprintf("%s runs in kube-system", [r.address]),
		"resource": r.address,
		"attribute": "metadata.namespace",
	}
}
