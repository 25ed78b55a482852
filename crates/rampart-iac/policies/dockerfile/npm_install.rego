# METADATA
# title: npm install used instead of npm ci
# description: A RUN step runs npm install without package arguments, which may rewrite the lockfile and resolve newer versions, instead of npm ci.
# custom:
#   id: docker-npm-install
#   severity: low
#   kinds: [dockerfile]
#   cwe: [1357]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1"]
#   rationale: npm ci installs exactly what package-lock.json records and fails if it is out of date; npm install can pull in versions nobody reviewed.
#   remediation: Use npm ci (with --omit=dev for production images); yarn --frozen-lockfile / pnpm install --frozen-lockfile likewise.
#   references: ["https://docs.npmjs.com/cli/v10/commands/npm-ci"]
#   examples:
#     fail:
#       - |
#         FROM node:22-slim
#         COPY package*.json ./
#         RUN npm install
#     pass:
#       - |
#         FROM node:22-slim
#         COPY package*.json ./
#         RUN npm ci --omit=dev
#         RUN npm install -g pnpm@9.12.1
package rampart.dockerfile.npm_install

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.runs
	some c in df.commands(x.script)
	ws := df.words(c)
	some i, w in ws
	w == "npm"
	ws[i + 1] in {"install", "i"}
	rest := array.slice(ws, i + 2, count(ws))
	count([a | some a in rest; not startswith(a, "-")]) == 0
	result := {
		"msg": sprintf("%s runs %q; use npm ci to install from the lockfile", [x.resource.address, c]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
