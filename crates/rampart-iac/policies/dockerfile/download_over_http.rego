# METADATA
# title: Build downloads files over plain HTTP
# description: A RUN step fetches a URL with curl or wget over http://, or ADD uses an http:// source, without a checksum.
# custom:
#   id: docker-download-over-http
#   severity: medium
#   kinds: [dockerfile]
#   cwe: [319, 494]
#   owasp: ["A08:2021", "A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: Plain HTTP downloads can be altered by anyone on the network path; the modified file is then built into or executed in the image.
#   remediation: Use https:// and verify a checksum or signature of what you download (ADD --checksum, sha256sum -c).
#   references: ["https://docs.docker.com/reference/dockerfile/#add", "https://docs.docker.com/build/building/best-practices/"]
#   examples:
#     fail:
#       - |
#         FROM debian:12
#         RUN curl -fsSLo /tmp/tool.tgz http://downloads.example.com/tool.tgz && tar xzf /tmp/tool.tgz -C /opt
#     pass:
#       - |
#         FROM debian:12
#         RUN curl -fsSLo /tmp/tool.tgz https://downloads.example.com/tool.tgz && echo "5d41402abc4b2a76b9719d911017c592  /tmp/tool.tgz" | sha256sum -c -
#         RUN curl -fsS http://localhost:8080/healthz
package rampart.dockerfile.download_over_http

import data.rampart.lib.ci_dockerfile as df
import rego.v1

local_url(u) if regex.match(`^http://(localhost|127[.]|0[.]0[.]0[.]0|\[::1\])`, u)

deny contains result if {
	some x in df.runs
	some c in df.commands(x.script)
	regex.match(`^(sudo +)?(curl|wget)( |$)`, c)
	some u in regex.find_n(`http://[^ "']+`, c, -1)
	not local_url(u)
	not regex.match(`sha(256|512)sum|gpg +--verify|cosign +verify`, x.script)
	result := {
		"msg": sprintf("%s downloads %s over plain HTTP", [x.resource.address, u]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}

deny contains result if {
	some x in df.instructions
	x.ins.cmd == "add"
	regex.match(`(^| )http://`, x.ins.value)
	not x.ins.flags.checksum
	result := {
		"msg": sprintf("%s ADDs a file over plain HTTP without a checksum", [x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
