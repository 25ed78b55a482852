# METADATA
# title: Credential baked into the image with ENV
# description: An ENV instruction sets a variable named like a credential (PASSWORD, TOKEN, SECRET, API_KEY...) to a literal value.
# custom:
#   id: docker-secret-in-env
#   severity: high
#   kinds: [dockerfile]
#   cwe: [798, 538]
#   owasp: ["A07:2021", "A02:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1", "PW.9.1"]
#   rationale: ENV values are stored in the image configuration; anyone who can pull the image reads them with docker inspect, and they are inherited by every container and child image.
#   remediation: Pass secrets at run time (orchestrator secrets, mounted files) and at build time with RUN --mount=type=secret; rotate the exposed credential.
#   references: ["https://docs.docker.com/build/building/secrets/", "https://docs.docker.com/reference/dockerfile/#env"]
#   aliases:
#     trivy: [DS031, AVD-DS-0031]
#   examples:
#     fail:
#       - |
#         FROM python:3.12-slim
#         ENV APP_ENV=prod DB_PASSWORD="Pr0d-db-pass-2024"
#       - |
#         FROM python:3.12-slim
#         ENV GITHUB_TOKEN ghp_exampleexampleexampleexample0000
#     pass:
#       - |
#         FROM python:3.12-slim
#         ENV APP_ENV=prod DB_PASSWORD_FILE=/run/secrets/db
#         ENV API_KEY=${API_KEY}
package rampart.dockerfile.secret_in_env

import data.rampart.lib.ci_common as ci
import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.instructions
	x.ins.cmd == "env"
	some kv in df.pairs(x.ins)
	ci.secret_name(kv[0])
	not ci.not_secret_name(kv[0])
	ci.literal_secret_value(kv[1])
	result := {
		"msg": sprintf("%s sets credential %s with ENV", [x.resource.address, kv[0]]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
