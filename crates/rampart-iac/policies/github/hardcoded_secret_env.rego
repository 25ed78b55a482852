# METADATA
# title: Credential written literally into workflow env
# description: A workflow, job or step env entry named like a credential (TOKEN, PASSWORD, SECRET, API_KEY...) has a literal value rather than a secrets expression.
# custom:
#   id: gha-hardcoded-secret-env
#   severity: high
#   kinds: [github_actions]
#   cwe: [798]
#   owasp: ["A07:2021", "A02:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1"]
#   rationale: Everything in the workflow file is readable by anyone with read access (public repositories - the world) and stays in git history.
#   remediation: Move the value to an Actions secret (or OIDC federation) and reference it with ${{ secrets.NAME }}; rotate the exposed credential.
#   references: ["https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions"]
#   examples:
#     fail:
#       - |
#         on: push
#         env:
#           NPM_TOKEN: npm_exampleexampleexampleexample0000
#         jobs:
#           publish:
#             runs-on: ubuntu-latest
#             steps:
#               - run: npm publish
#     pass:
#       - |
#         on: push
#         env:
#           NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
#           TOKEN_URL: https://auth.example.com/token
#         jobs:
#           publish:
#             runs-on: ubuntu-latest
#             steps:
#               - run: npm publish
package rampart.github.hardcoded_secret_env

import data.rampart.lib.ci_common as ci
import data.rampart.lib.ci_github as gh
import rego.v1

bad(k, v) if {
	ci.secret_name(k)
	not ci.not_secret_name(k)
	ci.literal_secret_value(v)
}

deny contains result if {
	some k, v in gh.workflow.values.env
	bad(k, v)
	result := {"msg": sprintf("workflow env sets credential %s literally", [k]), "resource": gh.workflow.address, "attribute": sprintf("env.%s", [k])}
}

deny contains result if {
	some r in gh.jobs
	some k, v in r.values.env
	bad(k, v)
	result := {"msg": sprintf("%s env sets credential %s literally", [r.address, k]), "resource": r.address, "attribute": sprintf("env.%s", [k])}
}

deny contains result if {
	some x in gh.steps
	some k, v in x.step.env
	bad(k, v)
	result := {
		"msg": sprintf("%s step %d env sets credential %s literally", [x.job.address, x.index, k]),
		"resource": x.job.address,
		"attribute": sprintf("%s.env.%s", [x.attribute, k]),
	}
}
