# METADATA
# title: Package index updated in a RUN step of its own
# description: A RUN step runs apt-get update (or apk update, yum makecache) without installing anything in the same step.
# custom:
#   id: docker-update-alone
#   severity: low
#   kinds: [dockerfile]
#   cwe: [1357]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Docker caches the update layer, so later install steps use a stale index - missing security updates or failing once the mirror drops old versions.
#   remediation: Combine update and install in one RUN (apt-get update && apt-get install -y ...).
#   references: ["https://docs.docker.com/build/building/best-practices/#apt-get"]
#   aliases:
#     checkov: [CKV_DOCKER_5]
#     trivy: [DS017, AVD-DS-0017]
#   examples:
#     fail:
#       - |
#         FROM debian:12
#         RUN apt-get update
#         RUN apt-get install -y --no-install-recommends curl
#     pass:
#       - |
#         FROM debian:12
#         RUN apt-get update && apt-get install -y --no-install-recommends curl
package rampart.dockerfile.update_alone

import data.rampart.lib.ci_dockerfile as df
import rego.v1

updates(c) if regex.match(`^(sudo +)?((apt-get|apt)( +-[^ ]+)* +update|apk( +-[^ ]+)* +update|(yum|dnf)( +-[^ ]+)* +makecache)( |$)`, c)

installs(c) if regex.match(`^(sudo +)?(apt-get|apt|apk|yum|dnf)( +-[^ ]+)* +(install|add|upgrade|dist-upgrade)( |$)`, c)

deny contains result if {
	some x in df.runs
	cmds := df.commands(x.script)
	some c in cmds
	updates(c)
	not any_install(cmds)
	result := {
		"msg": sprintf("%s updates the package index without installing in the same step", [x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}

any_install(cmds) if {
	some c in cmds
	installs(c)
}
