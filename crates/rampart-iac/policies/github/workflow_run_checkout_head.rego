# METADATA
# title: workflow_run workflow checks out the triggering run's code
# description: A workflow triggered by workflow_run checks out github.event.workflow_run.head_sha or head_branch, i.e. code that may come from a fork's pull request.
# custom:
#   id: gha-workflow-run-checkout-head
#   severity: high
#   kinds: [github_actions]
#   cwe: [829, 94]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1", "PO.3.2"]
#   rationale: workflow_run workflows run with secrets and a write token even when the triggering run came from a fork, so building the triggering commit hands that fork code execution with those privileges.
#   remediation: Treat the triggering run's code and artifacts as untrusted data - do not check out and execute them; download only the artifacts you need and validate them.
#   references: ["https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/", "https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#workflow_run"]
#   examples:
#     fail:
#       - |
#         on:
#           workflow_run:
#             workflows: [CI]
#             types: [completed]
#         jobs:
#           deploy-preview:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
#                 with:
#                   ref: ${{ github.event.workflow_run.head_sha }}
#               - run: npm ci && npm run build
#     pass:
#       - |
#         on:
#           workflow_run:
#             workflows: [CI]
#             types: [completed]
#         jobs:
#           report:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
#               - run: ./scripts/post-status.sh
package rampart.github.workflow_run_checkout_head

import data.rampart.lib.ci_github as gh
import rego.v1

deny contains result if {
	"workflow_run" in gh.triggers
	some x in gh.checkout_steps
	v := x.step["with"].ref
	is_string(v)
	regex.match(`github[.]event[.]workflow_run[.](head_sha|head_branch|head_commit|pull_requests)`, v)
	result := {
		"msg": sprintf("%s checks out the triggering run code (%s) in a workflow_run workflow", [x.job.address, v]),
		"resource": x.job.address,
		"attribute": sprintf("%s.with.ref", [x.attribute]),
	}
}
