# METADATA
# title: GitHub-owned action pinned by tag
# description: A step uses an action from the actions/ or github/ organisations at a tag or branch rather than a commit SHA.
# custom:
#   id: gha-first-party-action-tag
#   severity: low
#   kinds: [github_actions]
#   cwe: [829, 494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: GitHub-maintained actions are lower risk than third-party ones, but their tags are still mutable; SHA pinning makes the workflow reproducible and policy-uniform.
#   remediation: Pin to the commit SHA (actions/checkout@<40-hex sha>) and keep the version, such as v4.2.2, in a trailing comment.
#   references: ["https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions"]
#   examples:
#     fail:
#       - |
#         on: push
#         jobs:
#           build:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@v4
#     pass:
#       - |
#         on: push
#         jobs:
#           build:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
package rampart.github.first_party_action_tag

import data.rampart.lib.ci_github as gh
import rego.v1

deny contains result if {
	some x in gh.action_steps
	gh.first_party(x.action)
	not gh.sha_pinned(x.ref)
	result := {
		"msg": sprintf("%s step %d uses %s by tag", [x.job.address, x.index, x.uses]),
		"resource": x.job.address,
		"attribute": sprintf("%s.uses", [x.attribute]),
	}
}
