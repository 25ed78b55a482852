# METADATA
# title: Two build stages share a name
# description: More than one FROM ... AS <name> uses the same stage name.
# custom:
#   id: docker-duplicate-stage-name
#   severity: low
#   kinds: [dockerfile]
#   cwe: [710]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: COPY --from and FROM <name> then refer to whichever stage the builder resolves, so the image may be built from a different stage than reviewers assume.
#   remediation: Give each stage a unique name.
#   references: ["https://docs.docker.com/build/building/multi-stage/#name-your-build-stages"]
#   aliases:
#     checkov: [CKV_DOCKER_11]
#     trivy: [DS012, AVD-DS-0012]
#   examples:
#     fail:
#       - |
#         FROM golang:1.23 AS build
#         RUN go build ./...
#         FROM node:22 AS build
#         RUN npm ci
#         FROM gcr.io/distroless/static-debian12:nonroot
#         COPY --from=build /out /out
#     pass:
#       - |
#         FROM golang:1.23 AS build-go
#         RUN go build ./...
#         FROM node:22 AS build-web
#         RUN npm ci
#         FROM gcr.io/distroless/static-debian12:nonroot
#         COPY --from=build-go /out /out
package rampart.dockerfile.duplicate_stage_name

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some r in df.stages
	r.values.name != null
	some other in df.stages
	other.values.index < r.values.index
	lower(other.values.name) == lower(r.values.name)
	result := {
		"msg": sprintf("%s reuses the stage name %q of stage %d", [r.address, r.values.name, other.values.index]),
		"resource": r.address,
		"attribute": "from",
	}
}
