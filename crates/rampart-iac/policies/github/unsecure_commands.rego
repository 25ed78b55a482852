# METADATA
# title: Deprecated set-env/add-path workflow commands re-enabled
# description: ACTIONS_ALLOW_UNSECURE_COMMANDS is set to true in a workflow, job or step env.
# custom:
#   id: gha-unsecure-commands
#   severity: high
#   kinds: [github_actions]
#   cwe: [77]
#   owasp: ["A03:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: The set-env and add-path commands were disabled (CVE-2020-15228) because any process that prints to the log - including one echoing untrusted data - could set environment variables such as NODE_OPTIONS or LD_PRELOAD and take over later steps.
#   remediation: Remove the variable and write to the GITHUB_ENV and GITHUB_PATH files instead.
#   references: ["https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/", "https://github.com/advisories/GHSA-mfwh-5m23-j46w"]
#   aliases:
#     checkov: [CKV_GHA_1]
#   examples:
#     fail:
#       - |
#         on: push
#         env:
#           ACTIONS_ALLOW_UNSECURE_COMMANDS: true
#         jobs:
#           build:
#             runs-on: ubuntu-latest
#             steps:
#               - run: echo "::set-env name=FOO::bar"
#       - |
#         on: push
#         jobs:
#           build:
#             runs-on: ubuntu-latest
#             steps:
#               - env: {ACTIONS_ALLOW_UNSECURE_COMMANDS: "true"}
#                 run: make
#     pass:
#       - |
#         on: push
#         jobs:
#           build:
#             runs-on: ubuntu-latest
#             steps:
#               - run: echo "FOO=bar" >> "$GITHUB_ENV"
package rampart.github.unsecure_commands

import data.rampart.lib.ci_github as gh
import rego.v1

on(v) if v == true

on(v) if lower(sprintf("%v", [v])) == "true"

deny contains result if {
	on(gh.workflow.values.env.ACTIONS_ALLOW_UNSECURE_COMMANDS)
	result := {"msg": "workflow sets ACTIONS_ALLOW_UNSECURE_COMMANDS", "resource": gh.workflow.address, "attribute": "env.ACTIONS_ALLOW_UNSECURE_COMMANDS"}
}

deny contains result if {
	some r in gh.jobs
	on(r.values.env.ACTIONS_ALLOW_UNSECURE_COMMANDS)
	result := {"msg": sprintf("%s sets ACTIONS_ALLOW_UNSECURE_COMMANDS", [r.address]), "resource": r.address, "attribute": "env.ACTIONS_ALLOW_UNSECURE_COMMANDS"}
}

deny contains result if {
	some x in gh.steps
	on(x.step.env.ACTIONS_ALLOW_UNSECURE_COMMANDS)
	result := {
		"msg": sprintf("%s step %d sets ACTIONS_ALLOW_UNSECURE_COMMANDS", [x.job.address, x.index]),
		"resource": x.job.address,
		"attribute": sprintf("%s.env.ACTIONS_ALLOW_UNSECURE_COMMANDS", [x.attribute]),
	}
}
