# METADATA
# title: Image pull policy lets nodes reuse a cached tag
# description: A container whose image is not pinned by digest has imagePullPolicy other than Always (or unset, which means IfNotPresent for a fixed tag).
# custom:
#   id: k8s-image-pull-policy
#   severity: low
#   kinds: [kubernetes]
#   cwe: [494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: With IfNotPresent a node runs whatever it cached under the tag, which may differ between nodes, and a pod can use a private image another tenant pulled without presenting credentials.
#   remediation: Pin the image by digest, or set imagePullPolicy Always (and enable the AlwaysPullImages admission plugin on multi-tenant clusters).
#   references: ["https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy"]
#   aliases:
#     checkov: [CKV_K8S_15]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               containers: [{name: api, image: "acme/api:2.4.1", imagePullPolicy: IfNotPresent}]
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               containers: [{name: api, image: "acme/api:2.4.1"}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               containers:
#                 - {name: api, image: "acme/api:2.4.1", imagePullPolicy: Always}
#                 - {name: side, image: "acme/side:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", imagePullPolicy: IfNotPresent}
#                 - {name: dev, image: "acme/dev:latest"}
package rampart.kubernetes.image_pull_policy

import data.rampart.lib.k8s_workload as k8s
import rego.v1

# The policy that applies: the explicit one, or Kubernetes' default for the tag.
pull_policy(c, ref) := c.imagePullPolicy if {
	c.imagePullPolicy
} else := "Always" if {
	ref.tag in {"", "latest"}
} else := "IfNotPresent"

deny contains result if {
	some x in k8s.containers
	img := x.container.image
	is_string(img)
	not k8s.templated(img)
	ref := k8s.image_ref(img)
	ref.digest == ""
	policy := pull_policy(x.container, ref)
	policy != "Always"
	result := {
		"msg": sprintf("container %q of %s pulls %q with policy %s", [x.container.name, x.resource.address, img, policy]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.imagePullPolicy", [x.path]),
	}
}
