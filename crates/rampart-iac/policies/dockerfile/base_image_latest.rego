# METADATA
# title: Base image uses the latest tag or no tag
# description: A FROM instruction names an image with no tag or the tag latest and no digest.
# custom:
#   id: docker-base-image-latest
#   severity: medium
#   kinds: [dockerfile]
#   cwe: [1357, 494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: The base image silently changes between builds, so builds are not reproducible and an upstream compromise or breaking change lands without review.
#   remediation: Pin a version tag and, preferably, the digest (FROM python:3.12-slim@sha256:...).
#   references: ["https://docs.docker.com/build/building/best-practices/#from", "https://docs.docker.com/reference/dockerfile/#from"]
#   aliases:
#     checkov: [CKV_DOCKER_7]
#     trivy: [DS001, AVD-DS-0001]
#   examples:
#     fail:
#       - |
#         FROM ubuntu
#         RUN echo hi
#       - |
#         FROM registry.example.com:5000/base/python:latest
#     pass:
#       - |
#         FROM golang:1.23 AS build
#         RUN go build -o /out/app .
#         FROM build AS test
#         FROM scratch
#         COPY --from=build /out/app /app
#       - |
#         FROM ubuntu@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
package rampart.dockerfile.base_image_latest

import data.rampart.lib.ci_dockerfile as df
import rego.v1

# Names of earlier stages: FROM <stage> is not an image pull.
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
	object.get(f, "tag", null) in {null, "", "latest"}
	result := {
		"msg": sprintf("%s builds FROM %q without a fixed tag", [r.address, f.raw]),
		"resource": r.address,
		"attribute": "from",
	}
}
