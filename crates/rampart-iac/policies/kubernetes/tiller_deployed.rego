# METADATA
# title: Helm v2 Tiller is deployed
# description: A workload runs the Tiller server of Helm v2 (image tiller or labels app=helm, name=tiller).
# custom:
#   id: k8s-tiller-deployed
#   severity: high
#   kinds: [kubernetes]
#   cwe: [306, 1104]
#   owasp: ["A06:2021", "A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.4", "PW.9.1"]
#   rationale: Tiller is unmaintained since 2020, usually runs with cluster-admin and by default accepts unauthenticated gRPC from any pod, which then installs anything into the cluster.
#   remediation: Migrate to Helm 3 (no in-cluster component) and remove Tiller and its service account.
#   references: ["https://helm.sh/docs/topics/v2_v3_migration/", "https://helm.sh/blog/helm-v2-deprecation-timeline/"]
#   aliases:
#     checkov: [CKV_K8S_34]
#     trivy: [KSV102, AVD-KSV-0102]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata:
#           name: tiller-deploy
#           namespace: kube-system
#           labels: {app: helm, name: tiller}
#         spec:
#           template:
#             spec:
#               containers: [{name: tiller, image: "gcr.io/kubernetes-helm/tiller:v2.16.12"}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: shop, labels: {app: api}}
#         spec:
#           template:
#             spec:
#               containers: [{name: api, image: "acme/api:2"}]
package rampart.kubernetes.tiller_deployed

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	is_string(x.container.image)
	contains(lower(k8s.image_ref(x.container.image).name), "tiller")
	result := {
		"msg": sprintf("%s runs Helm v2 Tiller (%s)", [x.resource.address, x.container.image]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.image", [x.path]),
	}
}

deny contains result if {
	some r in k8s.workloads
	labels := object.get(r.values.metadata, "labels", {})
	labels.app == "helm"
	labels.name == "tiller"
	not tiller_image(r)
	result := {
		"msg": sprintf("%s is labelled as Helm v2 Tiller", [r.address]),
		"resource": r.address,
		"attribute": "metadata.labels",
	}
}

tiller_image(r) if {
	some x in k8s.containers
	x.resource.address == r.address
	contains(lower(x.container.image), "tiller")
}
