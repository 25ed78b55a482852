# METADATA
# title: RUN uses sudo
# description: A RUN step calls sudo.
# custom:
#   id: docker-sudo
#   severity: medium
#   kinds: [dockerfile]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Build steps already run as the current USER; sudo in an image means the sudo binary and a sudoers grant ship with it, giving any process a way back to root, and it behaves unpredictably without a TTY.
#   remediation: Run root-only steps before switching USER (or switch USER root temporarily), and remove sudo from the image.
#   references: ["https://docs.docker.com/build/building/best-practices/#user"]
#   aliases:
#     checkov: [CKV2_DOCKER_1]
#     trivy: [DS010, AVD-DS-0010]
#   examples:
#     fail:
#       - |
#         FROM ubuntu:24.04
#         USER app
#         RUN sudo apt-get update
#     pass:
#       - |
#         FROM ubuntu:24.04
#         RUN apt-get update && apt-get install -y --no-install-recommends pseudo
#         USER app
package rampart.dockerfile.sudo

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.runs
	some c in df.commands(x.script)
	df.words(c)[0] == "sudo"
	result := {
		"msg": sprintf("%s uses sudo: %s", [x.resource.address, c]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
