# METADATA
# title: Container image uses the latest tag or no tag
# description: The image reference has no tag or the tag latest, and no digest, so what runs changes whenever the tag moves.
# custom:
#   id: k8s-image-latest-tag
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [1357, 494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: A floating tag makes deployments unreproducible and lets a compromised or broken upstream push reach production on the next pod restart without review.
#   remediation: Pin a specific version tag, and preferably the digest (image:1.2.3@sha256:...).
#   references: ["https://kubernetes.io/docs/concepts/containers/images/#image-names", "https://kubernetes.io/docs/concepts/configuration/overview/#container-images"]
#   aliases:
#     checkov: [CKV_K8S_14]
#     trivy: [KSV013, AVD-KSV-0013]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               containers: [{name: api, image: "registry.example.com:5000/team/api:latest"}]
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           containers: [{name: c, image: redis}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               containers:
#                 - {name: api, image: "registry.example.com:5000/team/api:2.4.1"}
#                 - {name: side, image: "envoyproxy/envoy@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
package rampart.kubernetes.image_latest_tag

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	img := x.container.image
	is_string(img)
	not k8s.templated(img)
	ref := k8s.image_ref(img)
	ref.digest == ""
	ref.tag in {"", "latest"}
	result := {
		"msg": sprintf("container %q of %s uses image %q without a fixed tag", [x.container.name, x.resource.address, img]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.image", [x.path]),
	}
}
