# METADATA
# title: Stage has more than one CMD
# description: A build stage contains several CMD instructions; only the last one takes effect.
# custom:
#   id: docker-multiple-cmd
#   severity: low
#   kinds: [dockerfile]
#   cwe: [710]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Reviewers may read the first CMD as the container's behaviour while a later one silently replaces it, which hides what the image really runs.
#   remediation: Keep a single CMD per stage.
#   references: ["https://docs.docker.com/reference/dockerfile/#cmd"]
#   aliases:
#     trivy: [DS016, AVD-DS-0016]
#   examples:
#     fail:
#       - |
#         FROM python:3.12-slim
#         CMD ["python", "app.py"]
#         CMD ["python", "worker.py"]
#     pass:
#       - |
#         FROM python:3.12-slim AS build
#         CMD ["make"]
#         FROM python:3.12-slim
#         CMD ["python", "app.py"]
package rampart.dockerfile.multiple_cmd

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some r in df.stages
	found := [i | some i, ins in r.values.instructions; ins.cmd == "cmd"]
	count(found) > 1
	result := {
		"msg": sprintf("%s has %d CMD instructions; only the last applies", [r.address, count(found)]),
		"resource": r.address,
		"attribute": sprintf("instructions.%d", [found[count(found) - 1]]),
	}
}
