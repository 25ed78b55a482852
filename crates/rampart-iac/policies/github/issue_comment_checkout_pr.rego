# METADATA
# title: Comment-triggered workflow checks out pull request code
# description: A workflow triggered by issue_comment checks out or fetches the commented pull request (refs/pull/N/head, gh pr checkout).
# custom:
#   id: gha-issue-comment-checkout-pr
#   severity: high
#   kinds: [github_actions]
#   cwe: [829, 94]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1", "PO.3.2"]
#   rationale: issue_comment workflows run in the base repository's context with its secrets; anyone who can comment can have the fork's code executed there unless the job first verifies the commenter and pins the reviewed commit.
#   remediation: Check the commenter's author_association (OWNER/MEMBER/COLLABORATOR) before doing anything, and check out the exact reviewed SHA rather than the PR ref, or avoid running PR code in this trigger altogether.
#   references: ["https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/", "https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#issue_comment"]
#   examples:
#     fail:
#       - |
#         on: issue_comment
#         jobs:
#           bench:
#             if: contains(github.event.comment.body, '/bench')
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
#                 with:
#                   ref: refs/pull/${{ github.event.issue.number }}/head
#               - run: make bench
#     pass:
#       - |
#         on: issue_comment
#         jobs:
#           ack:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
#               - run: ./scripts/ack.sh
package rampart.github.issue_comment_checkout_pr

import data.rampart.lib.ci_github as gh
import rego.v1

pr_ref(v) if regex.match(`refs/pull/|github[.]event[.]issue[.]number|github[.]event[.]issue[.]pull_request|head[.](sha|ref)`, v)

deny contains result if {
	"issue_comment" in gh.triggers
	some x in gh.checkout_steps
	v := x.step["with"].ref
	is_string(v)
	pr_ref(v)
	result := {
		"msg": sprintf("%s checks out pull request code (%s) in a comment-triggered workflow", [x.job.address, v]),
		"resource": x.job.address,
		"attribute": sprintf("%s.with.ref", [x.attribute]),
	}
}

deny contains result if {
	"issue_comment" in gh.triggers
	some x in gh.steps
	is_string(x.step.run)
	regex.match(`gh +pr +checkout|git +fetch[^\n]*pull/`, x.step.run)
	result := {
		"msg": sprintf("%s step %d fetches pull request code in a comment-triggered workflow", [x.job.address, x.index]),
		"resource": x.job.address,
		"attribute": sprintf("%s.run", [x.attribute]),
	}
}
