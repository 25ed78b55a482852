# METADATA
# title: workflow_run workflow unpacks the triggering run's artifacts and then runs commands
# description: A workflow triggered by workflow_run downloads artifacts of the triggering run (actions/download-artifact with run-id, or a third-party download-artifact action) into the workspace and has later run steps.
# custom:
#   id: gha-workflow-run-untrusted-artifact
#   severity: high
#   kinds: [github_actions]
#   cwe: [829, 494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1", "PO.3.2"]
#   rationale: Artifacts of a run started from a fork's pull request are attacker-controlled; unpacked over the workspace they can replace scripts, configuration or binaries that the privileged workflow_run job then executes (artifact poisoning), or inject values into GITHUB_ENV.
#   remediation: Download into a dedicated directory outside the checkout (path - ${{ runner.temp }}/artifacts), treat the contents strictly as data (validate, never execute or source them), and keep the job's permissions minimal.
#   references: ["https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/", "https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#workflow_run"]
#   examples:
#     fail:
#       - |
#         on:
#           workflow_run:
#             workflows: [CI]
#             types: [completed]
#         jobs:
#           comment:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
#               - uses: actions/download-artifact@fa0a91b85d4f404e444e00e005971372dc801d16
#                 with:
#                   run-id: ${{ github.event.workflow_run.id }}
#                   github-token: ${{ secrets.GITHUB_TOKEN }}
#               - run: ./scripts/post-coverage.sh
#     pass:
#       - |
#         on:
#           workflow_run:
#             workflows: [CI]
#             types: [completed]
#         jobs:
#           comment:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
#               - uses: actions/download-artifact@fa0a91b85d4f404e444e00e005971372dc801d16
#                 with:
#                   run-id: ${{ github.event.workflow_run.id }}
#                   github-token: ${{ secrets.GITHUB_TOKEN }}
#                   path: ${{ runner.temp }}/artifacts
#               - run: ./scripts/post-coverage.sh "$RUNNER_TEMP/artifacts/coverage.json"
package rampart.github.workflow_run_untrusted_artifact

import data.rampart.lib.ci_github as gh
import rego.v1

downloads_triggering(x) if {
	x.action == "actions/download-artifact"
	contains(sprintf("%v", [object.get(object.get(x.step, "with", {}), "run-id", "")]), "workflow_run")
}

downloads_triggering(x) if {
	x.action in {"dawidd6/action-download-artifact", "actions/github-script"}
	contains(sprintf("%v", [object.get(x.step, "with", {})]), "workflow_run")
}

# Extracted into the workspace (no path, or a path inside the checkout).
into_workspace(x) if not x.step["with"].path

into_workspace(x) if {
	p := x.step["with"].path
	not contains(p, "runner.temp")
	not startswith(p, "/tmp")
	not contains(p, "RUNNER_TEMP")
}

deny contains result if {
	"workflow_run" in gh.triggers
	some x in gh.action_steps
	downloads_triggering(x)
	into_workspace(x)
	later := [l.index |
		some l in gh.steps
		l.job.address == x.job.address
		l.index > x.index
		is_string(l.step.run)
	]
	count(later) > 0
	result := {
		"msg": sprintf("%s unpacks the triggering run artifacts into the workspace (step %d) and runs commands afterwards (step %d)", [x.job.address, x.index, min(later)]),
		"resource": x.job.address,
		"attribute": x.attribute,
	}
}
