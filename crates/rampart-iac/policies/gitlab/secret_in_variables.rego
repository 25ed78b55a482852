# METADATA
# title: Credential written literally into CI variables
# description: A pipeline or job variables entry named like a credential (PASSWORD, TOKEN, SECRET, API_KEY...) has a literal value in .gitlab-ci.yml.
# custom:
#   id: gitlab-secret-in-variables
#   severity: high
#   kinds: [gitlab_ci]
#   cwe: [798]
#   owasp: ["A07:2021", "A02:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1"]
#   rationale: The file is readable by everyone with access to the repository and its history; such values are also not masked in job logs.
#   remediation: Define the value as a masked, protected CI/CD variable in project or group settings (or use a secrets manager / id_tokens) and rotate the exposed one.
#   references: ["https://docs.gitlab.com/ci/variables/#define-a-cicd-variable-in-the-ui", "https://docs.gitlab.com/ci/secrets/"]
#   examples:
#     fail:
#       - |
#         variables:
#           DEPLOY_TOKEN: glpat-exampleexampleexample
#         deploy:
#           script: [./deploy.sh]
#       - |
#         deploy:
#           variables:
#             DB_PASSWORD:
#               value: "Pr0d-db-pass-2024"
#           script: [./deploy.sh]
#     pass:
#       - |
#         variables:
#           DEPLOY_TOKEN: $VAULT_DEPLOY_TOKEN
#           TOKEN_URL: https://auth.example.com/token
#         deploy:
#           variables:
#             DB_PASSWORD_FILE: /run/secrets/db
#           script: [./deploy.sh]
package rampart.gitlab.secret_in_variables

import data.rampart.lib.ci_common as ci
import data.rampart.lib.ci_gitlab as gl
import rego.v1

deny contains result if {
	some x in gl.variables
	ci.secret_name(x.name)
	not ci.not_secret_name(x.name)
	ci.literal_secret_value(x.value)
	result := {"msg": sprintf("%s sets credential %s literally in .gitlab-ci.yml", [x.resource.address, x.name]), "resource": x.resource.address, "attribute": x.attribute}
}
