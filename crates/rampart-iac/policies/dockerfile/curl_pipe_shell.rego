# METADATA
# title: RUN pipes a download straight into a shell
# description: A RUN step downloads a script with curl or wget and executes it without saving or verifying it (curl ... | sh, bash <(curl ...)).
# custom:
#   id: docker-curl-pipe-shell
#   severity: high
#   kinds: [dockerfile]
#   cwe: [494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: Whatever the server (or anyone on the path, or whoever compromised the host) returns is executed as root during the build, with no checksum, signature or record of what ran.
#   remediation: Download to a file, verify its checksum or signature, then run it; better, install from a package repository with signed metadata.
#   references: ["https://docs.docker.com/build/building/best-practices/#using-pipes"]
#   examples:
#     fail:
#       - |
#         FROM debian:12
#         RUN apt-get update && apt-get install -y --no-install-recommends curl && curl -fsSL https://example.com/install.sh | sh
#     pass:
#       - |
#         FROM debian:12
#         RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh && echo "5d41402abc4b2a76b9719d911017c592  /tmp/install.sh" | sha256sum -c - && sh /tmp/install.sh
package rampart.dockerfile.curl_pipe_shell

import data.rampart.lib.ci_common as ci
import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.runs
	ci.pipe_to_shell(x.script)
	result := {
		"msg": sprintf("%s pipes a download into a shell", [x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
