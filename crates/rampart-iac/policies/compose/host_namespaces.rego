# METADATA
# title: Compose service shares the host PID, IPC, UTS or user namespace
# description: A service sets pid, ipc, uts or userns_mode to host.
# custom:
#   id: compose-host-namespaces
#   severity: high
#   kinds: [compose]
#   cwe: [653]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Sharing the host PID namespace exposes every host process (and its environment) to the container; host IPC exposes shared memory; host userns disables user-namespace remapping.
#   remediation: Remove these settings so the container gets its own namespaces.
#   references: ["https://docs.docker.com/reference/compose-file/services/#pid", "https://docs.docker.com/reference/compose-file/services/#ipc"]
#   examples:
#     fail:
#       - |
#         services:
#           agent:
#             image: acme/agent:2.0
#             pid: host
#     pass:
#       - |
#         services:
#           agent:
#             image: acme/agent:2.0
#             ipc: shareable
package rampart.compose.host_namespaces

import data.rampart.lib.ci_compose as dc
import rego.v1

deny contains result if {
	some r in dc.services
	some field in ["pid", "ipc", "uts", "userns_mode"]
	r.values[field] == "host"
	result := {"msg": sprintf("%s shares the host %s namespace", [r.address, field]), "resource": r.address, "attribute": field}
}
