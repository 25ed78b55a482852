# METADATA
# title: Image exposes the SSH port 22
# description: An EXPOSE instruction lists port 22.
# custom:
#   id: docker-expose-ssh
#   severity: medium
#   kinds: [dockerfile]
#   cwe: [668]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Running an SSH daemon in a container adds a long-lived credential-based entry point that bypasses the orchestrator's exec, audit and access control.
#   remediation: Remove sshd and EXPOSE 22; use docker exec / kubectl exec for debugging.
#   references: ["https://docs.docker.com/reference/dockerfile/#expose"]
#   aliases:
#     checkov: [CKV_DOCKER_1]
#     trivy: [DS004, AVD-DS-0004]
#   examples:
#     fail:
#       - |
#         FROM ubuntu:24.04
#         EXPOSE 80 22/tcp
#     pass:
#       - |
#         FROM ubuntu:24.04
#         EXPOSE 80 2222
package rampart.dockerfile.expose_ssh

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.instructions
	x.ins.cmd == "expose"
	some p in df.words(x.ins.value)
	split(p, "/")[0] == "22"
	result := {
		"msg": sprintf("%s exposes SSH port 22", [x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
