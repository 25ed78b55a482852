# METADATA
# title: ADD downloads a file from a URL
# description: An ADD instruction fetches a remote http(s) source at build time.
# custom:
#   id: docker-add-remote-url
#   severity: medium
#   kinds: [dockerfile]
#   cwe: [494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: ADD performs no integrity check unless --checksum is given, so a changed or hijacked download silently enters the image; the download is also not cached or inspectable like a RUN step.
#   remediation: Download with curl/wget in RUN and verify a checksum or signature, or use ADD --checksum=sha256:... (or a git source pinned to a commit).
#   references: ["https://docs.docker.com/reference/dockerfile/#add", "https://docs.docker.com/build/building/best-practices/#add-or-copy"]
#   examples:
#     fail:
#       - |
#         FROM debian:12
#         ADD https://example.com/tool.tar.gz /opt/
#     pass:
#       - |
#         FROM debian:12
#         ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/
#         COPY tool.tar.gz /opt/
package rampart.dockerfile.add_remote_url

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.instructions
	x.ins.cmd == "add"
	regex.match(`(^|[ "\[])(https?|ftp)://`, lower(x.ins.value))
	not x.ins.flags.checksum
	result := {
		"msg": sprintf("%s downloads with ADD without a checksum: %s", [x.resource.address, x.ins.value]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
