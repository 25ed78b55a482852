# METADATA
# title: Container image is not pinned by digest
# description: The image is referenced by tag only; tags are mutable, a digest (@sha256:...) is not.
# custom:
#   id: k8s-image-no-digest
#   severity: low
#   kinds: [kubernetes]
#   cwe: [494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.2.1", "PW.4.1"]
#   rationale: Anyone with push rights to the repository (or a registry compromise) can move a version tag to different content; a digest guarantees the reviewed image is the one that runs.
#   remediation: Reference images as name:tag@sha256:digest and let a bot (Renovate, Dependabot) update the digest.
#   references: ["https://kubernetes.io/docs/concepts/containers/images/#image-names"]
#   aliases:
#     checkov: [CKV_K8S_43]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               containers: [{name: api, image: "ghcr.io/acme/api:2.4.1"}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               containers: [{name: api, image: "ghcr.io/acme/api:2.4.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}]
package rampart.kubernetes.image_no_digest

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	img := x.container.image
	is_string(img)
	not k8s.templated(img)
	k8s.image_ref(img).digest == ""
	result := {
		"msg": sprintf("container %q of %s uses image %q without a digest", [x.container.name, x.resource.address, img]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.image", [x.path]),
	}
}
