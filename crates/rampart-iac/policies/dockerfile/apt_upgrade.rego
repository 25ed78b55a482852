# METADATA
# title: Image build upgrades all distribution packages
# description: A RUN step runs apt-get upgrade or dist-upgrade (or apk upgrade / yum update without packages), changing the base image's packages to whatever is current.
# custom:
#   id: docker-apt-upgrade
#   severity: low
#   kinds: [dockerfile]
#   cwe: [1357]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Blanket upgrades make builds irreproducible and may pull in breaking changes; security fixes belong in a newer, pinned base image.
#   remediation: Use a newer base image tag/digest, or upgrade named packages to pinned versions.
#   references: ["https://docs.docker.com/build/building/best-practices/#apt-get"]
#   aliases:
#     trivy: [DS024, AVD-DS-0024]
#   examples:
#     fail:
#       - |
#         FROM debian:12
#         RUN apt-get update && apt-get -y dist-upgrade
#     pass:
#       - |
#         FROM debian:12.7
#         RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
package rampart.dockerfile.apt_upgrade

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.runs
	some c in df.commands(x.script)
	regex.match(`^(sudo +)?((apt-get|apt)( +-[^ ]+)* +(dist-upgrade|full-upgrade|upgrade)|apk( +-[^ ]+)* +upgrade|(yum|dnf|microdnf)( +-[^ ]+)* +(update|upgrade)( +-[^ ]+)*$)`, c)
	result := {
		"msg": sprintf("%s upgrades every package: %s", [x.resource.address, c]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
