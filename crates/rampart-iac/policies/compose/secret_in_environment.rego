# METADATA
# title: Credential written literally into a compose environment
# description: A service environment entry named like a credential (PASSWORD, TOKEN, SECRET, API_KEY...) has a literal value in the compose file.
# custom:
#   id: compose-secret-in-environment
#   severity: high
#   kinds: [compose]
#   cwe: [798]
#   owasp: ["A07:2021", "A02:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1", "PW.9.1"]
#   rationale: The compose file is committed and shared, so the credential leaks to everyone with the repository and cannot be rotated without a code change; it is also visible through docker inspect.
#   remediation: Use compose secrets (secrets - with a file or external source), an env_file kept out of version control, or ${VAR} interpolation from the deployment environment; rotate the exposed value.
#   references: ["https://docs.docker.com/compose/how-tos/use-secrets/", "https://docs.docker.com/compose/how-tos/environment-variables/set-environment-variables/"]
#   examples:
#     fail:
#       - |
#         services:
#           db:
#             image: postgres:16.4
#             environment:
#               POSTGRES_PASSWORD: "Pr0d-db-pass-2024"
#       - |
#         services:
#           api:
#             image: acme/api:2
#             environment:
#               - STRIPE_API_KEY=sk_live_exampleexampleexample00
#     pass:
#       - |
#         services:
#           db:
#             image: postgres:16.4
#             environment:
#               POSTGRES_PASSWORD_FILE: /run/secrets/db_password
#               POSTGRES_USER: app
#             secrets: [db_password]
#           api:
#             image: acme/api:2
#             environment:
#               - STRIPE_API_KEY=${STRIPE_API_KEY}
#               - SESSION_SECRET
#         secrets:
#           db_password:
#             file: ./db_password.txt
package rampart.compose.secret_in_environment

import data.rampart.lib.ci_common as ci
import data.rampart.lib.ci_compose as dc
import rego.v1

deny contains result if {
	some e in dc.env
	ci.secret_name(e.name)
	not ci.not_secret_name(e.name)
	ci.literal_secret_value(e.value)
	result := {"msg": sprintf("%s sets credential %s literally", [e.resource.address, e.name]), "resource": e.resource.address, "attribute": e.attribute}
}
