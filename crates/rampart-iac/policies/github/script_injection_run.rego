# METADATA
# title: Untrusted event data expanded into a run script
# description: A run step contains a ${{ }} expression that reads attacker-controlled event data (issue or PR title and body, comment bodies, branch names, commit messages, author names).
# custom:
#   id: gha-script-injection-run
#   severity: critical
#   kinds: [github_actions]
#   cwe: [78]
#   owasp: ["A03:2021"]
#   owasp_llm: []
#   ssdf: ["PW.5.1", "PO.3.2"]
#   rationale: Expressions are substituted into the script text before the shell runs it, so a PR title made of a quote, a semicolon and a download piped to sh executes with the job's token and secrets.
#   remediation: Pass the value through an environment variable (an env entry TITLE set to the expression) and reference "$TITLE" in the script, quoted.
#   references: ["https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections", "https://securitylab.github.com/resources/github-actions-untrusted-input/"]
#   aliases:
#     checkov: [CKV_GHA_2]
#   examples:
#     fail:
#       - |
#         on: pull_request
#         jobs:
#           greet:
#             runs-on: ubuntu-latest
#             steps:
#               - run: echo "Checking ${{ github.event.pull_request.title }}"
#       - |
#         on: issue_comment
#         jobs:
#           triage:
#             runs-on: ubuntu-latest
#             steps:
#               - name: parse
#                 run: |
#                   body="${{ github.event.comment.body }}"
#                   echo "$body"
#     pass:
#       - |
#         on: pull_request
#         jobs:
#           greet:
#             runs-on: ubuntu-latest
#             steps:
#               - env:
#                   TITLE: ${{ github.event.pull_request.title }}
#                 run: echo "Checking $TITLE for PR ${{ github.event.pull_request.number }}"
package rampart.github.script_injection_run

import data.rampart.lib.ci_github as gh
import rego.v1

deny contains result if {
	some x in gh.steps
	some e in gh.untrusted_expressions(x.step.run)
	result := {
		"msg": sprintf("%s step %d expands untrusted %s into its script", [x.job.address, x.index, e]),
		"resource": x.job.address,
		"attribute": sprintf("%s.run", [x.attribute]),
	}
}
