# METADATA
# title: apt-get install pulls in recommended packages
# description: apt-get install runs without --no-install-recommends (or the equivalent APT::Install-Recommends=false), adding packages nobody asked for.
# custom:
#   id: docker-apt-no-install-recommends
#   severity: low
#   kinds: [dockerfile]
#   cwe: [710]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Recommended packages enlarge the image and its attack surface with software nobody reviewed or patches.
#   remediation: Add --no-install-recommends to apt-get install.
#   references: ["https://docs.docker.com/build/building/best-practices/#apt-get"]
#   aliases:
#     trivy: [DS029, AVD-DS-0029]
#   examples:
#     fail:
#       - |
#         FROM debian:12
#         RUN apt-get update && apt-get install -y curl
#     pass:
#       - |
#         FROM debian:12
#         RUN apt-get update && apt-get install -y --no-install-recommends curl
#       - |
#         FROM debian:12
#         RUN apt-get -o APT::Install-Recommends=false install -y curl
package rampart.dockerfile.apt_no_install_recommends

import data.rampart.lib.ci_dockerfile as df
import rego.v1

apt_installs contains [x, c] if {
	some x in df.runs
	some c in df.commands(x.script)
	regex.match(`^(sudo +)?(apt-get|apt)( +-[^ ]+)* +install( |$)`, c)
}

deny contains result if {
	some pair in apt_installs
	[x, c] := pair
	not contains(c, "--no-install-recommends")
	not regex.match(`install-recommends(=| +)(false|0)`, lower(c))
	result := {
		"msg": sprintf("%s runs apt-get install without --no-install-recommends", [x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
