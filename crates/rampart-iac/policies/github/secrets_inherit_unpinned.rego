# METADATA
# title: All secrets passed to an unpinned external reusable workflow
# description: A job calls a reusable workflow from another repository at a tag or branch with secrets - inherit.
# custom:
#   id: gha-secrets-inherit-unpinned
#   severity: high
#   kinds: [github_actions]
#   cwe: [829, 522]
#   owasp: ["A08:2021", "A01:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1", "PW.4.1"]
#   rationale: secrets - inherit hands every repository and organisation secret to code that its owner (or an attacker who compromises it) can change at any time without review in this repository.
#   remediation: Pin the reusable workflow to a commit SHA and pass only the secrets it needs explicitly.
#   references: ["https://docs.github.com/en/actions/sharing-automations/reusing-workflows#passing-inputs-and-secrets-to-a-reusable-workflow"]
#   examples:
#     fail:
#       - |
#         on: push
#         jobs:
#           release:
#             uses: acme/platform/.github/workflows/release.yml@v2
#             secrets: inherit
#     pass:
#       - |
#         on: push
#         jobs:
#           release:
#             uses: acme/platform/.github/workflows/release.yml@0123456789abcdef0123456789abcdef01234567
#             secrets: inherit
#           local:
#             uses: ./.github/workflows/build.yml
#             secrets: inherit
#           explicit:
#             uses: acme/platform/.github/workflows/lint.yml@v2
#             secrets:
#               token: ${{ secrets.LINT_TOKEN }}
package rampart.github.secrets_inherit_unpinned

import data.rampart.lib.ci_github as gh
import rego.v1

deny contains result if {
	some r in gh.jobs
	r.values.secrets == "inherit"
	is_string(r.values.uses)
	not gh.local_action(r.values.uses)
	not gh.sha_pinned(gh.ref_parts(r.values.uses).ref)
	result := {
		"msg": sprintf("%s passes all secrets to %s, which is not pinned to a commit", [r.address, r.values.uses]),
		"resource": r.address,
		"attribute": "secrets",
	}
}
