# METADATA
# title: Credential passed as a build argument
# description: An ARG named like a credential (PASSWORD, TOKEN, SECRET, API_KEY...) is declared; build arguments are recorded in the image history and build cache, with or without a default.
# custom:
#   id: docker-secret-in-arg
#   severity: high
#   kinds: [dockerfile]
#   cwe: [798, 538]
#   owasp: ["A07:2021", "A02:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1", "PW.9.1"]
#   rationale: docker history and provenance attestations show the values of build arguments used by RUN steps, so anyone who can pull the image can recover the credential; a literal default also puts it in source control.
#   remediation: Use BuildKit secrets (RUN --mount=type=secret,id=token) instead of ARG for credentials; rotate any credential that was passed as a build argument.
#   references: ["https://docs.docker.com/build/building/secrets/", "https://docs.docker.com/reference/dockerfile/#arg"]
#   aliases:
#     trivy: [DS031, AVD-DS-0031]
#   examples:
#     fail:
#       - |
#         FROM node:22-slim
#         ARG NPM_TOKEN
#         RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci
#       - |
#         FROM node:22-slim
#         ARG API_KEY=sk-live-example-0000000000
#     pass:
#       - |
#         FROM node:22-slim
#         ARG NODE_ENV=production
#         RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
package rampart.dockerfile.secret_in_arg

import data.rampart.lib.ci_common as ci
import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.instructions
	x.ins.cmd == "arg"
	some kv in df.pairs(x.ins)
	ci.secret_name(kv[0])
	not ci.not_secret_name(kv[0])
	result := {
		"msg": sprintf("%s declares credential %s as a build argument", [x.resource.address, kv[0]]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
