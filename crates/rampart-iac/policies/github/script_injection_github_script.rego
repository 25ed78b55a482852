# METADATA
# title: Untrusted event data expanded into actions/github-script code
# description: An actions/github-script step's script contains a ${{ }} expression reading attacker-controlled event data.
# custom:
#   id: gha-script-injection-github-script
#   severity: critical
#   kinds: [github_actions]
#   cwe: [94]
#   owasp: ["A03:2021"]
#   owasp_llm: []
#   ssdf: ["PW.5.1", "PO.3.2"]
#   rationale: The expression is pasted into JavaScript source before it runs, so a crafted title or comment executes code with the workflow's GITHUB_TOKEN.
#   remediation: Read the value inside the script from context (context.payload.pull_request.title) or pass it through env and process.env.
#   references: ["https://github.com/actions/github-script#security", "https://securitylab.github.com/resources/github-actions-untrusted-input/"]
#   examples:
#     fail:
#       - |
#         on: issues
#         jobs:
#           label:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea
#                 with:
#                   script: |
#                     const title = "${{ github.event.issue.title }}";
#                     console.log(title);
#     pass:
#       - |
#         on: issues
#         jobs:
#           label:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea
#                 with:
#                   script: |
#                     const title = context.payload.issue.title;
#                     console.log(title);
package rampart.github.script_injection_github_script

import data.rampart.lib.ci_github as gh
import rego.v1

deny contains result if {
	some x in gh.action_steps
	x.action == "actions/github-script"
	some e in gh.untrusted_expressions(x.step["with"].script)
	result := {
		"msg": sprintf("%s step %d expands untrusted %s into github-script code", [x.job.address, x.index, e]),
		"resource": x.job.address,
		"attribute": sprintf("%s.with.script", [x.attribute]),
	}
}
