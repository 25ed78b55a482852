# METADATA
# title: Third-party action not pinned to a commit SHA
# description: A step or a reusable-workflow job uses a third-party action or workflow at a tag or branch instead of a full 40-character commit SHA.
# custom:
#   id: gha-unpinned-action
#   severity: medium
#   kinds: [github_actions]
#   cwe: [829, 494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: Tags and branches can be moved by the action's owner or by whoever compromises it; the tj-actions/changed-files incident (CVE-2025-30066) rewrote every tag to leak secrets from thousands of workflows.
#   remediation: Pin to the full commit SHA (owner/action@<40-hex>, with the version in a comment) and let Dependabot or Renovate update it.
#   references: ["https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions", "https://github.com/advisories/GHSA-mrrh-fwg8-r2c3"]
#   examples:
#     fail:
#       - |
#         on: push
#         jobs:
#           lint:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
#               - uses: tj-actions/changed-files@v45
#       - |
#         on: push
#         jobs:
#           call:
#             uses: acme/shared-workflows/.github/workflows/build.yml@main
#     pass:
#       - |
#         on: push
#         jobs:
#           lint:
#             runs-on: ubuntu-latest
#             steps:
#               - uses: actions/checkout@v4
#               - uses: ./.github/actions/setup
#               - uses: tj-actions/changed-files@48d8f15b2aaa3d255ca5af3eba4870f807ce6b3c
#           call:
#             uses: ./.github/workflows/build.yml
package rampart.github.unpinned_action

import data.rampart.lib.ci_github as gh
import rego.v1

third_party(uses, action) if {
	not gh.local_action(uses)
	not gh.docker_action(uses)
	not gh.first_party(action)
}

deny contains result if {
	some x in gh.action_steps
	third_party(x.uses, x.action)
	not gh.sha_pinned(x.ref)
	result := {
		"msg": sprintf("%s step %d uses %s, not pinned to a commit SHA", [x.job.address, x.index, x.uses]),
		"resource": x.job.address,
		"attribute": sprintf("%s.uses", [x.attribute]),
	}
}

deny contains result if {
	some r in gh.jobs
	is_string(r.values.uses)
	ref := gh.ref_parts(r.values.uses)
	third_party(r.values.uses, ref.action)
	not gh.sha_pinned(ref.ref)
	result := {
		"msg": sprintf("%s calls reusable workflow %s, not pinned to a commit SHA", [r.address, r.values.uses]),
		"resource": r.address,
		"attribute": "uses",
	}
}
