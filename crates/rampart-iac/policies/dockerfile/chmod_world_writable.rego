# METADATA
# title: RUN makes files world-writable
# description: A RUN step runs chmod 777 / 666 (or o+w, a+w) on files or directories.
# custom:
#   id: docker-chmod-world-writable
#   severity: medium
#   kinds: [dockerfile]
#   cwe: [732]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: World-writable files let any user in the container replace binaries, scripts or configuration that more privileged processes later run.
#   remediation: Give ownership to the user that needs write access (chown app:app) and use 755/644 or stricter.
#   references: ["https://man7.org/linux/man-pages/man1/chmod.1.html"]
#   examples:
#     fail:
#       - |
#         FROM python:3.12-slim
#         COPY app /app
#         RUN chmod -R 777 /app
#     pass:
#       - |
#         FROM python:3.12-slim
#         COPY --chown=10001:10001 app /app
#         RUN chmod -R 755 /app
package rampart.dockerfile.chmod_world_writable

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.runs
	some c in df.commands(x.script)
	regex.match(`^(sudo +)?chmod( +-[^ ]+)* +([0-7]?[0-7][0-7][2367]|[ugoa]*[ao][ugoa]*[+=][rwxXst]*w[rwxXst]*)( |$)`, c)
	result := {
		"msg": sprintf("%s makes files world-writable: %s", [x.resource.address, c]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}

deny contains result if {
	some x in df.instructions
	x.ins.cmd in {"copy", "add"}
	regex.match(`^[0-7]?[0-7][0-7][2367]$`, x.ins.flags.chmod)
	result := {
		"msg": sprintf("%s copies files with mode %s (world-writable)", [x.resource.address, x.ins.flags.chmod]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
