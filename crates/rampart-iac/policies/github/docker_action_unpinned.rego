# METADATA
# title: Container action or job image not pinned by digest
# description: A step uses docker://image:tag, or a job container/service image, without an @sha256 digest.
# custom:
#   id: gha-docker-action-unpinned
#   severity: medium
#   kinds: [github_actions]
#   cwe: [829, 494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: The image behind a tag can change between runs; the job then executes whatever the registry serves with the job's token and secrets.
#   remediation: Reference images by digest (docker://alpine:3.20@sha256:...).
#   references: ["https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#example-using-a-docker-hub-action"]
#   examples:
#     fail:
#       - |
#         on: push
#         jobs:
#           lint:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: docker://hadolint/hadolint:latest
#       - |
#         on: push
#         jobs:
#           test:
#             runs-on: ubuntu-latest
#             container: node:22
#             steps:
#               - run: npm test
#     pass:
#       - |
#         on: push
#         jobs:
#           test:
#             runs-on: ubuntu-latest
#             container:
#               image: node:22@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
#             steps:
#               - uses: docker://alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
package rampart.github.docker_action_unpinned

import data.rampart.lib.ci_github as gh
import rego.v1

unpinned(img) if {
	is_string(img)
	not contains(img, "@sha256:")
	not contains(img, "${{")
}

deny contains result if {
	some x in gh.steps
	is_string(x.step.uses)
	gh.docker_action(x.step.uses)
	unpinned(x.step.uses)
	result := {
		"msg": sprintf("%s step %d runs container %s without a digest", [x.job.address, x.index, x.step.uses]),
		"resource": x.job.address,
		"attribute": sprintf("%s.uses", [x.attribute]),
	}
}

image_of(c) := c if is_string(c)

image_of(c) := c.image if is_object(c)

deny contains result if {
	some r in gh.jobs
	img := image_of(r.values.container)
	unpinned(img)
	result := {
		"msg": sprintf("%s runs in container %s without a digest", [r.address, img]),
		"resource": r.address,
		"attribute": "container",
	}
}

deny contains result if {
	some r in gh.jobs
	some name, svc in r.values.services
	img := image_of(svc)
	unpinned(img)
	result := {
		"msg": sprintf("%s service %s uses image %s without a digest", [r.address, name, img]),
		"resource": r.address,
		"attribute": sprintf("services.%s", [name]),
	}
}
