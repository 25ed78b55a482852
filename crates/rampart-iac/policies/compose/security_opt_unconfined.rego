# METADATA
# title: Compose service disables seccomp, AppArmor or SELinux
# description: security_opt contains seccomp - unconfined, apparmor - unconfined or label - disable.
# custom:
#   id: compose-security-opt-unconfined
#   severity: high
#   kinds: [compose]
#   cwe: [693]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: These profiles block the syscalls and file accesses most container escapes need; turning them off removes a key layer between the container and the host kernel.
#   remediation: Remove the option, or supply a custom profile that allows only what the service needs.
#   references: ["https://docs.docker.com/engine/security/seccomp/", "https://docs.docker.com/engine/security/apparmor/"]
#   examples:
#     fail:
#       - |
#         services:
#           app:
#             image: acme/app:1
#             security_opt:
#               - seccomp:unconfined
#     pass:
#       - |
#         services:
#           app:
#             image: acme/app:1
#             security_opt:
#               - no-new-privileges:true
#               - seccomp:./seccomp-profile.json
package rampart.compose.security_opt_unconfined

import data.rampart.lib.ci_compose as dc
import rego.v1

off(o) if regex.match(`^(seccomp|apparmor)[:=]unconfined$`, lower(o))

off(o) if regex.match(`^label[:=]disable$`, lower(o))

deny contains result if {
	some r in dc.services
	some i, o in r.values.security_opt
	is_string(o)
	off(o)
	result := {"msg": sprintf("%s disables a kernel security profile (%s)", [r.address, o]), "resource": r.address, "attribute": sprintf("security_opt.%d", [i])}
}
