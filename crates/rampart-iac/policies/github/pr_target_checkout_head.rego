# METADATA
# title: pull_request_target workflow checks out the pull request's code
# description: A workflow triggered by pull_request_target checks out the PR head (ref set to github.event.pull_request.head.sha / head.ref, github.head_ref or refs/pull/.../merge), or fetches it with gh pr checkout / git fetch.
# custom:
#   id: gha-pr-target-checkout-head
#   severity: critical
#   kinds: [github_actions]
#   cwe: [829, 94]
#   owasp: ["A08:2021", "A01:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1", "PO.3.2"]
#   rationale: pull_request_target runs with a write token and the repository's secrets; building or testing the fork's code there lets any outsider run code with those privileges (a "pwn request").
#   remediation: Use the pull_request trigger for building untrusted code; if pull_request_target is needed (labels, comments), never check out or execute the PR head in it, or split the work with a workflow_run workflow that only reads artifacts.
#   references: ["https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/", "https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#pull_request_target"]
#   examples:
#     fail:
#       - |
#         on: pull_request_target
#         permissions: {contents: read}
#         jobs:
#           test:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
#                 with:
#                   ref: ${{ github.event.pull_request.head.sha }}
#               - run: make test
#       - |
#         on:
#           pull_request_target:
#             types: [labeled]
#         jobs:
#           test:
#             runs-on: ubuntu-latest
#             steps:
#               - run: gh pr checkout ${{ github.event.pull_request.number }} && npm test
#     pass:
#       - |
#         on: pull_request_target
#         permissions: {pull-requests: write}
#         jobs:
#           label:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
#                 with:
#                   ref: ${{ github.event.pull_request.base.sha }}
#                   persist-credentials: false
#               - run: ./scripts/label.sh
#       - |
#         on: pull_request
#         jobs:
#           test:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
#                 with:
#                   ref: ${{ github.event.pull_request.head.sha }}
package rampart.github.pr_target_checkout_head

import data.rampart.lib.ci_github as gh
import rego.v1

head_ref(v) if regex.match(`github[.]event[.]pull_request[.]head[.](sha|ref)|github[.]head_ref|refs/pull/|github[.]event[.]number|merge_commit_sha`, v)

head_repo(v) if contains(v, "github.event.pull_request.head.repo")

deny contains result if {
	"pull_request_target" in gh.triggers
	some x in gh.checkout_steps
	some k in ["ref", "repository"]
	v := x.step["with"][k]
	is_string(v)
	bad(k, v)
	result := {
		"msg": sprintf("%s checks out the pull request head (%s) in a pull_request_target workflow", [x.job.address, v]),
		"resource": x.job.address,
		"attribute": sprintf("%s.with.%s", [x.attribute, k]),
	}
}

bad("ref", v) if head_ref(v)

bad("repository", v) if head_repo(v)

deny contains result if {
	"pull_request_target" in gh.triggers
	some x in gh.steps
	is_string(x.step.run)
	regex.match(`gh +pr +checkout|git +fetch[^\n]*(pull/|head[.](sha|ref)|head_ref)|git +checkout[^\n]*(head[.](sha|ref)|head_ref)`, x.step.run)
	result := {
		"msg": sprintf("%s step %d fetches the pull request head in a pull_request_target workflow", [x.job.address, x.index]),
		"resource": x.job.address,
		"attribute": sprintf("%s.run", [x.attribute]),
	}
}
