# METADATA
# title: Checkout keeps the token on disk in a pull_request_target workflow
# description: A pull_request_target workflow uses actions/checkout without persist-credentials - false, so the job's write-capable GITHUB_TOKEN is stored in .git/config for later steps.
# custom:
#   id: gha-pr-target-persist-credentials
#   severity: medium
#   kinds: [github_actions]
#   cwe: [522]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1"]
#   rationale: Any later step that runs attacker-influenced code (a build script, a linter plugin, an injected expression) can read the persisted token and push to the repository.
#   remediation: Set persist-credentials - false on every checkout in privileged workflows and pass a token explicitly to the one step that needs to push.
#   references: ["https://github.com/actions/checkout#usage", "https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/"]
#   examples:
#     fail:
#       - |
#         on: pull_request_target
#         jobs:
#           label:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
#               - run: ./scripts/label.sh
#     pass:
#       - |
#         on: pull_request_target
#         jobs:
#           label:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
#                 with:
#                   persist-credentials: false
#               - run: ./scripts/label.sh
package rampart.github.pr_target_persist_credentials

import data.rampart.lib.ci_github as gh
import rego.v1

off(v) if v == false

off(v) if lower(sprintf("%v", [v])) == "false"

deny contains result if {
	"pull_request_target" in gh.triggers
	some x in gh.checkout_steps
	not off(object.get(object.get(x.step, "with", {}), "persist-credentials", true))
	result := {
		"msg": sprintf("%s step %d persists the GITHUB_TOKEN in a pull_request_target workflow", [x.job.address, x.index]),
		"resource": x.job.address,
		"attribute": x.attribute,
	}
}
