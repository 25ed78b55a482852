# METADATA
# title: Compose service image uses the latest tag or no tag
# description: A service's image has no tag or the tag latest, and no digest.
# custom:
#   id: compose-image-latest
#   severity: low
#   kinds: [compose]
#   cwe: [1357, 494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: Each pull can bring a different image, so deployments are not reproducible and upstream changes (or compromises) arrive unreviewed.
#   remediation: Pin a version tag, preferably with its digest.
#   references: ["https://docs.docker.com/reference/compose-file/services/#image"]
#   examples:
#     fail:
#       - |
#         services:
#           cache:
#             image: redis
#     pass:
#       - |
#         services:
#           cache:
#             image: redis:7.4.1
#           app:
#             build: .
#           tool:
#             image: ${REGISTRY}/tool:${TAG}
package rampart.compose.image_latest

import data.rampart.lib.ci_compose as dc
import rego.v1

deny contains result if {
	some r in dc.services
	dc.floating_image(r.values.image)
	result := {"msg": sprintf("%s uses image %q without a fixed tag", [r.address, r.values.image]), "resource": r.address, "attribute": "image"}
}
