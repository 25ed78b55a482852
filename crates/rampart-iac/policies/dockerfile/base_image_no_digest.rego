# METADATA
# title: Base image is not pinned by digest
# description: A FROM instruction references an image by tag only; tags can be moved to other content.
# custom:
#   id: docker-base-image-no-digest
#   severity: low
#   kinds: [dockerfile]
#   cwe: [494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.2.1", "PW.4.1"]
#   rationale: A digest ties the build to exactly the reviewed base image; a tag can be repointed by the publisher or by an attacker with registry access.
#   remediation: Add the digest (FROM image:tag@sha256:...) and let Renovate or Dependabot keep it current.
#   references: ["https://docs.docker.com/reference/dockerfile/#from"]
#   examples:
#     fail:
#       - |
#         FROM python:3.12-slim
#     pass:
#       - |
#         FROM python:3.12-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS base
#         FROM base
#       - |
#         FROM scratch
#         COPY app /app
package rampart.dockerfile.base_image_no_digest

import data.rampart.lib.ci_dockerfile as df
import rego.v1

stage_names contains s.values.name if {
	some s in df.stages
	s.values.name != null
}

deny contains result if {
	some r in df.stages
	f := r.values.from
	not f.image in stage_names
	lower(f.image) != "scratch"
	not contains(f.image, "$")
	f.digest == null
	result := {
		"msg": sprintf("%s builds FROM %q without a digest", [r.address, f.raw]),
		"resource": r.address,
		"attribute": "from",
	}
}
