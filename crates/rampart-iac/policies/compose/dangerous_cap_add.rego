# METADATA
# title: Compose service adds a dangerous capability
# description: cap_add includes ALL, SYS_ADMIN, SYS_MODULE, SYS_PTRACE, SYS_RAWIO, NET_ADMIN, DAC_READ_SEARCH, BPF or similar.
# custom:
#   id: compose-dangerous-cap-add
#   severity: high
#   kinds: [compose]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Each of these capabilities has known paths to escape the container or take over the host's network or kernel.
#   remediation: Remove the capability; prefer cap_drop - ALL and add back only harmless ones such as NET_BIND_SERVICE.
#   references: ["https://docs.docker.com/reference/compose-file/services/#cap_add", "https://man7.org/linux/man-pages/man7/capabilities.7.html"]
#   examples:
#     fail:
#       - |
#         services:
#           vpn:
#             image: acme/vpn:1.2
#             cap_add: [NET_ADMIN, SYS_MODULE]
#     pass:
#       - |
#         services:
#           web:
#             image: acme/web:1.2
#             cap_drop: [ALL]
#             cap_add: [NET_BIND_SERVICE]
package rampart.compose.dangerous_cap_add

import data.rampart.lib.ci_compose as dc
import rego.v1

dangerous := {"ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "SYS_BOOT", "NET_ADMIN", "DAC_READ_SEARCH", "BPF", "PERFMON", "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE"}

deny contains result if {
	some r in dc.services
	some i, cap in r.values.cap_add
	c := trim_prefix(upper(cap), "CAP_")
	c in dangerous
	result := {"msg": sprintf("%s adds capability %s", [r.address, c]), "resource": r.address, "attribute": sprintf("cap_add.%d", [i])}
}
