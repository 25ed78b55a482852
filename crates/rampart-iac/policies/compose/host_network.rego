# METADATA
# title: Compose service uses the host network
# description: A service sets network_mode host.
# custom:
#   id: compose-host-network
#   severity: high
#   kinds: [compose]
#   cwe: [653]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: The container shares the host's network stack, so every port it opens is on the host, it can reach services bound to the host's localhost and it bypasses Docker's network isolation.
#   remediation: Use a bridge or user-defined network and publish only the needed ports.
#   references: ["https://docs.docker.com/reference/compose-file/services/#network_mode", "https://docs.docker.com/engine/network/drivers/host/"]
#   examples:
#     fail:
#       - |
#         services:
#           app:
#             image: acme/app:1.4
#             network_mode: host
#     pass:
#       - |
#         services:
#           app:
#             image: acme/app:1.4
#             networks: [backend]
package rampart.compose.host_network

import data.rampart.lib.ci_compose as dc
import rego.v1

deny contains result if {
	some r in dc.services
	r.values.network_mode == "host"
	result := {"msg": sprintf("%s uses the host network", [r.address]), "resource": r.address, "attribute": "network_mode"}
}
