# METADATA
# title: Registry password written into the workflow
# description: A job's container or service credentials.password is a literal string instead of a secrets expression.
# custom:
#   id: gha-container-credentials-literal
#   severity: high
#   kinds: [github_actions]
#   cwe: [798]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1"]
#   rationale: The password is visible to everyone who can read the repository and stays in its history after rotation.
#   remediation: Store the password as an Actions secret and reference it (password - ${{ secrets.REGISTRY_PASSWORD }}); rotate the exposed one.
#   references: ["https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idcontainercredentials"]
#   examples:
#     fail:
#       - |
#         on: push
#         jobs:
#           test:
#             runs-on: ubuntu-latest
#             container:
#               image: ghcr.io/acme/build:1.4
#               credentials:
#                 username: bot
#                 password: hunter2-registry-pass
#     pass:
#       - |
#         on: push
#         jobs:
#           test:
#             runs-on: ubuntu-latest
#             container:
#               image: ghcr.io/acme/build:1.4
#               credentials:
#                 username: ${{ github.actor }}
#                 password: ${{ secrets.GITHUB_TOKEN }}
package rampart.github.container_credentials_literal

import data.rampart.lib.ci_common as ci
import data.rampart.lib.ci_github as gh
import rego.v1

deny contains result if {
	some r in gh.jobs
	ci.literal_secret_value(r.values.container.credentials.password)
	result := {
		"msg": sprintf("%s sets a literal container registry password", [r.address]),
		"resource": r.address,
		"attribute": "container.credentials.password",
	}
}

deny contains result if {
	some r in gh.jobs
	some name, svc in r.values.services
	ci.literal_secret_value(svc.credentials.password)
	result := {
		"msg": sprintf("%s service %s sets a literal registry password", [r.address, name]),
		"resource": r.address,
		"attribute": sprintf("services.%s.credentials.password", [name]),
	}
}
