# METADATA
# title: Stage has more than one ENTRYPOINT
# description: A build stage contains several ENTRYPOINT instructions; only the last one takes effect.
# custom:
#   id: docker-multiple-entrypoint
#   severity: low
#   kinds: [dockerfile]
#   cwe: [710]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Reviewers may read the first ENTRYPOINT as the container's behaviour while a later one silently replaces it, which hides what the image really runs.
#   remediation: Keep a single ENTRYPOINT per stage.
#   references: ["https://docs.docker.com/reference/dockerfile/#entrypoint"]
#   aliases:
#     trivy: [DS007, AVD-DS-0007]
#   examples:
#     fail:
#       - |
#         FROM python:3.12-slim
#         ENTRYPOINT ["python", "app.py"]
#         ENTRYPOINT ["python", "worker.py"]
#     pass:
#       - |
#         FROM python:3.12-slim AS build
#         ENTRYPOINT ["make"]
#         FROM python:3.12-slim
#         ENTRYPOINT ["python", "app.py"]
package rampart.dockerfile.multiple_entrypoint

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some r in df.stages
	found := [i | some i, ins in r.values.instructions; ins.cmd == "entrypoint"]
	count(found) > 1
	result := {
		"msg": sprintf("%s has %d ENTRYPOINT instructions; only the last applies", [r.address, count(found)]),
		"resource": r.address,
		"attribute": sprintf("instructions.%d", [found[count(found) - 1]]),
	}
}
