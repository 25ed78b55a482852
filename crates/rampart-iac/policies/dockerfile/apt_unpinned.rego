# METADATA
# title: apt packages installed without pinned versions
# description: apt-get install names packages without a version (package=version), so each build installs whatever the mirror serves that day.
# custom:
#   id: docker-apt-unpinned
#   severity: low
#   kinds: [dockerfile]
#   cwe: [1357]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1"]
#   rationale: Unpinned packages make builds irreproducible and let a changed repository or mirror alter the image unnoticed.
#   remediation: Pin versions (apt-get install -y curl=7.88.1-10+deb12u8) or rely on a digest-pinned base image and a locked package snapshot.
#   references: ["https://docs.docker.com/build/building/best-practices/#apt-get"]
#   examples:
#     fail:
#       - |
#         FROM debian:12
#         RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates
#     pass:
#       - |
#         FROM debian:12
#         RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 ca-certificates=20230311 && rm -rf /var/lib/apt/lists/*
package rampart.dockerfile.apt_unpinned

import data.rampart.lib.ci_dockerfile as df
import rego.v1

apt_installs contains [x, c] if {
	some x in df.runs
	some c in df.commands(x.script)
	regex.match(`^(sudo +)?(apt-get|apt)( +-[^ ]+)* +install( |$)`, c)
}

unpinned(c) := [w |
	ws := df.words(c)
	some i, w in ws
	i > 0
	not startswith(w, "-")
	not w in {"install", "apt-get", "apt", "sudo"}
	not contains(w, "=")
	not endswith(w, ".deb")
	not contains(w, "$")
]

deny contains result if {
	some pair in apt_installs
	[x, c] := pair
	pkgs := unpinned(c)
	count(pkgs) > 0
	result := {
		"msg": sprintf("%s installs apt packages without versions: %v", [x.resource.address, pkgs]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
