# METADATA
# title: OIDC token permission granted to every job
# description: The top-level permissions block grants id-token - write, so every job of the workflow can mint OIDC tokens for cloud federation.
# custom:
#   id: gha-id-token-write-workflow
#   severity: medium
#   kinds: [github_actions]
#   cwe: [250]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1", "PS.1.1"]
#   rationale: OIDC tokens are exchanged for cloud credentials; granting the permission workflow-wide lets test, lint and third-party-action jobs obtain deployment credentials too.
#   remediation: Grant id-token - write only in the job that deploys or signs, and scope the cloud trust policy to that job's environment or workflow ref.
#   references: ["https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect"]
#   examples:
#     fail:
#       - |
#         on: push
#         permissions:
#           contents: read
#           id-token: write
#         jobs:
#           test:
#             runs-on: ubuntu-latest
#             steps:
#               - run: make test
#           deploy:
#             runs-on: ubuntu-latest
#             steps:
#               - run: make deploy
#     pass:
#       - |
#         on: push
#         permissions:
#           contents: read
#         jobs:
#           deploy:
#             runs-on: ubuntu-latest
#             permissions:
#               contents: read
#               id-token: write
#             steps:
#               - run: make deploy
package rampart.github.id_token_write_workflow

import data.rampart.lib.ci_github as gh
import rego.v1

deny contains result if {
	gh.workflow.values.permissions["id-token"] == "write"
	count(gh.jobs) > 1
	result := {
		"msg": "workflow grants id-token: write to all of its jobs",
		"resource": gh.workflow.address,
		"attribute": "permissions.id-token",
	}
}
