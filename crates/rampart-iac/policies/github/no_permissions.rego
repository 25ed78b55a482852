# METADATA
# title: Workflow leaves GITHUB_TOKEN permissions at the default
# description: The workflow has no top-level permissions and at least one job sets none either, so the token gets the repository's default scopes (read-write in many older or organisation-wide settings).
# custom:
#   id: gha-no-permissions
#   severity: low
#   kinds: [github_actions]
#   cwe: [250]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Without an explicit block, the token's rights depend on a repository setting that may grant write access to contents, packages and pull requests to every job.
#   remediation: Add a top-level permissions block (contents - read, or {} ) and grant extra scopes per job.
#   references: ["https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token"]
#   examples:
#     fail:
#       - |
#         on: push
#         jobs:
#           build:
#             runs-on: ubuntu-latest
#             steps:
#               - run: make
#     pass:
#       - |
#         on: push
#         permissions:
#           contents: read
#         jobs:
#           build:
#             runs-on: ubuntu-latest
#             steps:
#               - run: make
#       - |
#         on: push
#         jobs:
#           build:
#             runs-on: ubuntu-latest
#             permissions: {}
#             steps:
#               - run: make
package rampart.github.no_permissions

import data.rampart.lib.ci_github as gh
import rego.v1

deny contains result if {
	w := gh.workflow
	not has_key(w.values, "permissions")
	some r in gh.jobs
	not has_key(r.values, "permissions")
	result := {
		"msg": sprintf("%s runs with the default GITHUB_TOKEN permissions (no permissions block)", [r.address]),
		"resource": r.address,
		"attribute": "runs-on",
	}
}

has_key(obj, k) if _ = obj[k]
