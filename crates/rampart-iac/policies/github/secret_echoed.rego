# METADATA
# title: Secret printed to the job log
# description: A run step prints a secret (echo/printf/Write-Output of ${{ secrets.X }} to standard output) or serialises the whole secrets context with toJSON(secrets).
# custom:
#   id: gha-secret-echoed
#   severity: high
#   kinds: [github_actions]
#   cwe: [532]
#   owasp: ["A09:2021", "A02:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1"]
#   rationale: Log masking only hides exact matches; encoded, split or transformed values leak, logs are readable by everyone with read access to the repository (public repositories - everyone), and toJSON(secrets) exposes every secret at once.
#   remediation: Never print secrets; pipe them into the consuming command's stdin (echo "$TOKEN" | docker login --password-stdin) or pass them through env.
#   references: ["https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#using-secrets-in-a-workflow"]
#   examples:
#     fail:
#       - |
#         on: push
#         jobs:
#           debug:
#             runs-on: ubuntu-latest
#             steps:
#               - run: echo "token is ${{ secrets.DEPLOY_TOKEN }}"
#       - |
#         on: push
#         jobs:
#           debug:
#             runs-on: ubuntu-latest
#             steps:
#               - env:
#                   ALL: ${{ toJSON(secrets) }}
#                 run: env
#     pass:
#       - |
#         on: push
#         jobs:
#           login:
#             runs-on: ubuntu-latest
#             steps:
#               - run: echo "${{ secrets.REGISTRY_TOKEN }}" | docker login ghcr.io -u bot --password-stdin
#               - run: echo "API_URL=${{ vars.API_URL }}" >> "$GITHUB_ENV"
package rampart.github.secret_echoed

import data.rampart.lib.ci_github as gh
import rego.v1

secret_expr(line) if regex.match(`[$][{][{][^}]*secrets[.][A-Za-z_]`, line)

printed(line) if {
	regex.match(`(^|[;&(] *|then +|do +)(echo|printf|write-host|write-output|cat +<<<)( |$)`, lower(trim_space(line)))
	secret_expr(line)
	not contains(line, "|")
	not contains(line, ">")
}

deny contains result if {
	some x in gh.steps
	is_string(x.step.run)
	some line in split(x.step.run, "\n")
	printed(line)
	result := {
		"msg": sprintf("%s step %d prints a secret to the log", [x.job.address, x.index]),
		"resource": x.job.address,
		"attribute": sprintf("%s.run", [x.attribute]),
	}
}

deny contains result if {
	some x in gh.steps
	some path, v in walk_strings(x.step)
	regex.match(`to[Jj][Ss][Oo][Nn][(] *secrets *[)]`, v)
	result := {
		"msg": sprintf("%s step %d serialises every secret with toJSON(secrets)", [x.job.address, x.index]),
		"resource": x.job.address,
		"attribute": x.attribute,
	}
}

walk_strings(obj) := {p: v |
	walk(obj, [path, v])
	is_string(v)
	p := concat(".", [sprintf("%v", [s]) | some s in path])
}
