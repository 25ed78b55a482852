# METADATA
# title: Compose service runs privileged
# description: A service sets privileged true.
# custom:
#   id: compose-privileged
#   severity: high
#   kinds: [compose]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: A privileged container has every capability and all host devices; breaking out of it to the host is trivial.
#   remediation: Remove privileged and add only the capabilities or devices the service needs.
#   references: ["https://docs.docker.com/reference/compose-file/services/#privileged", "https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities"]
#   examples:
#     fail:
#       - |
#         services:
#           app:
#             image: acme/app:1.4
#             privileged: true
#     pass:
#       - |
#         services:
#           app:
#             image: acme/app:1.4
#             privileged: false
package rampart.compose.privileged

import data.rampart.lib.ci_compose as dc
import rego.v1

deny contains result if {
	some r in dc.services
	r.values.privileged == true
	result := {"msg": sprintf("%s runs privileged", [r.address]), "resource": r.address, "attribute": "privileged"}
}
