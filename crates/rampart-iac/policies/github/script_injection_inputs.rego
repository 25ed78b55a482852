# METADATA
# title: Workflow or action inputs expanded into a run script
# description: A run step contains ${{ inputs.* }} or ${{ github.event.inputs.* }} directly in its script.
# custom:
#   id: gha-script-injection-inputs
#   severity: medium
#   kinds: [github_actions]
#   cwe: [78]
#   owasp: ["A03:2021"]
#   owasp_llm: []
#   ssdf: ["PW.5.1"]
#   rationale: Inputs come from whoever dispatches the workflow or calls the reusable workflow; text substituted into the script can break out of quoting and run commands with the job's token and secrets, and a reusable workflow cannot know how trusted its callers are.
#   remediation: Pass inputs through env and reference "$INPUT_NAME" in the script, quoted; validate formats (for example with a regex) before use.
#   references: ["https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections"]
#   examples:
#     fail:
#       - |
#         on:
#           workflow_dispatch:
#             inputs:
#               version: {required: true}
#         jobs:
#           release:
#             runs-on: ubuntu-latest
#             steps:
#               - run: ./release.sh ${{ github.event.inputs.version }}
#       - |
#         on:
#           workflow_call:
#             inputs:
#               target: {type: string}
#         jobs:
#           build:
#             runs-on: ubuntu-latest
#             steps:
#               - run: make ${{ inputs.target }}
#     pass:
#       - |
#         on:
#           workflow_dispatch:
#             inputs:
#               version: {required: true}
#         jobs:
#           release:
#             runs-on: ubuntu-latest
#             steps:
#               - env:
#                   VERSION: ${{ inputs.version }}
#                 run: ./release.sh "$VERSION"
package rampart.github.script_injection_inputs

import data.rampart.lib.ci_github as gh
import rego.v1

deny contains result if {
	some x in gh.steps
	some e in gh.expressions(x.step.run)
	regex.match(`(^|[^A-Za-z0-9_.])(github[.]event[.])?inputs[.][A-Za-z_]`, e)
	result := {
		"msg": sprintf("%s step %d expands %s into its script", [x.job.address, x.index, e]),
		"resource": x.job.address,
		"attribute": sprintf("%s.run", [x.attribute]),
	}
}
