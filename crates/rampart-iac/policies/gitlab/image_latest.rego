# METADATA
# title: CI job image uses the latest tag or no tag
# description: A job's image or service image has no tag or the tag latest, and no digest.
# custom:
#   id: gitlab-image-latest
#   severity: medium
#   kinds: [gitlab_ci]
#   cwe: [1357, 494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: The job runs with its CI tokens and variables inside whatever the registry serves under that tag today, so an upstream change or compromise reaches the pipeline silently.
#   remediation: Pin a version tag and preferably a digest (image - python:3.12-slim@sha256:...).
#   references: ["https://docs.gitlab.com/ci/yaml/#image", "https://docs.gitlab.com/ci/docker/using_docker_images/"]
#   examples:
#     fail:
#       - |
#         build:
#           image: node
#           script: [npm ci]
#       - |
#         default:
#           image: python:latest
#         test:
#           script: [pytest]
#     pass:
#       - |
#         build:
#           image: node:22.11-slim
#           services:
#             - name: postgres:16.4@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
#           script: [npm ci]
#       - |
#         build:
#           image: $CI_REGISTRY_IMAGE/builder:$CI_COMMIT_SHA
#           script: [make]
package rampart.gitlab.image_latest

import data.rampart.lib.ci_gitlab as gl
import rego.v1

floating(img) if {
	is_string(img)
	not contains(img, "$")
	not contains(img, "@sha256:")
	segs := split(img, "/")
	last := segs[count(segs) - 1]
	tag := tag_of(last)
	tag in {"", "latest"}
}

tag_of(last) := split(last, ":")[1] if contains(last, ":")

else := ""

deny contains result if {
	some r in gl.jobs
	img := gl.image_name(r.values.image)
	floating(img)
	result := {"msg": sprintf("%s uses image %q without a fixed tag", [r.address, img]), "resource": r.address, "attribute": "image"}
}

deny contains result if {
	some r in gl.jobs
	some i, svc in r.values.services
	img := gl.image_name(svc)
	floating(img)
	result := {"msg": sprintf("%s uses service image %q without a fixed tag", [r.address, img]), "resource": r.address, "attribute": sprintf("services.%d", [i])}
}
