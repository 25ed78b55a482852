# METADATA
# title: Workflow or job grants the token write-all permissions
# description: permissions is set to write-all at the workflow or job level, giving the GITHUB_TOKEN write access to every scope.
# custom:
#   id: gha-permissions-write-all
#   severity: high
#   kinds: [github_actions]
#   cwe: [250, 732]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1", "PW.9.1"]
#   rationale: Any step - including third-party actions and injected scripts - can then push code, create releases, change workflows' inputs and approve deployments with that token.
#   remediation: Set permissions per job to the minimum (for example contents - read), and add write scopes only where a job needs them.
#   references: ["https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#modifying-the-permissions-for-the-github_token"]
#   aliases:
#     checkov: [CKV2_GHA_1]
#   examples:
#     fail:
#       - |
#         on: push
#         permissions: write-all
#         jobs:
#           build:
#             runs-on: ubuntu-latest
#             steps:
#               - run: make
#       - |
#         on: push
#         permissions: {contents: read}
#         jobs:
#           release:
#             runs-on: ubuntu-latest
#             permissions: write-all
#             steps:
#               - run: make release
#     pass:
#       - |
#         on: push
#         permissions:
#           contents: read
#         jobs:
#           release:
#             runs-on: ubuntu-latest
#             permissions:
#               contents: write
#             steps:
#               - run: make release
package rampart.github.permissions_write_all

import data.rampart.lib.ci_github as gh
import rego.v1

deny contains result if {
	gh.workflow.values.permissions == "write-all"
	result := {
		"msg": "workflow grants write-all permissions to the GITHUB_TOKEN",
		"resource": gh.workflow.address,
		"attribute": "permissions",
	}
}

deny contains result if {
	some r in gh.jobs
	r.values.permissions == "write-all"
	result := {
		"msg": sprintf("%s grants write-all permissions to the GITHUB_TOKEN", [r.address]),
		"resource": r.address,
		"attribute": "permissions",
	}
}
