# METADATA
# title: Service exposes Helm v2 Tiller
# description: A Service selects Tiller pods (app=helm, name=tiller) or is named tiller-deploy, publishing Tiller's unauthenticated gRPC port 44134.
# custom:
#   id: k8s-tiller-service
#   severity: high
#   kinds: [kubernetes]
#   cwe: [306]
#   owasp: ["A01:2021", "A06:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: A Tiller Service lets any pod (or, if exposed, anyone) install charts with Tiller's usually cluster-wide privileges.
#   remediation: Delete the Service and migrate to Helm 3.
#   references: ["https://helm.sh/docs/topics/v2_v3_migration/"]
#   aliases:
#     checkov: [CKV_K8S_44]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Service
#         metadata: {name: tiller-deploy, namespace: kube-system}
#         spec:
#           selector: {app: helm, name: tiller}
#           ports: [{name: tiller, port: 44134, targetPort: tiller}]
#     pass:
#       - |
#         apiVersion: v1
#         kind: Service
#         metadata: {name: api, namespace: shop}
#         spec:
#           selector: {app: api}
#           ports: [{port: 80}]
package rampart.kubernetes.tiller_service

import rego.v1

tiller(r) if r.values.metadata.name == "tiller-deploy"

tiller(r) if {
	r.values.spec.selector.app == "helm"
	r.values.spec.selector.name == "tiller"
}

deny contains result if {
	some r in input.resources
	r.type == "Service"
	tiller(r)
	result := {
		"msg": sprintf("%s exposes Helm v2 Tiller", [r.address]),
		"resource": r.address,
		"attribute": "spec.selector",
	}
}
