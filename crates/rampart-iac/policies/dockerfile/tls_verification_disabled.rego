# METADATA
# title: Download tool skips TLS certificate verification
# description: A RUN step calls curl with -k/--insecure or wget with --no-check-certificate, or configures git, npm or yarn to skip certificate checks.
# custom:
#   id: docker-tls-verification-disabled
#   severity: high
#   kinds: [dockerfile]
#   cwe: [295]
#   owasp: ["A02:2021", "A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: Disabling certificate checks lets anyone on the network path substitute the downloaded file or package, and the build then runs or ships it.
#   remediation: Remove the flag and install the CA certificate the server needs (update-ca-certificates) instead.
#   references: ["https://curl.se/docs/sslcerts.html", "https://www.gnu.org/software/wget/manual/wget.html#HTTPS-_0028SSL_002fTLS_0029-Options"]
#   aliases:
#     checkov: [CKV2_DOCKER_2, CKV2_DOCKER_3, CKV2_DOCKER_13]
#   examples:
#     fail:
#       - |
#         FROM debian:12
#         RUN curl -ksSL -o /tmp/tool.tgz https://example.com/tool.tgz
#       - |
#         FROM debian:12
#         RUN wget --no-check-certificate https://example.com/tool.tgz
#       - |
#         FROM node:22-slim
#         RUN npm config set strict-ssl false && npm ci
#     pass:
#       - |
#         FROM debian:12
#         RUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz
#         RUN wget -q https://example.com/tool.tgz
package rampart.dockerfile.tls_verification_disabled

import data.rampart.lib.ci_dockerfile as df
import rego.v1

insecure(c) if {
	ws := df.words(c)
	ws[0] in {"curl", "sudo"}
	some w in ws
	curl_k(w)
	"curl" in ws
}

insecure(c) if {
	regex.match(`(^| )wget( |$)`, c)
	contains(c, "--no-check-certificate")
}

insecure(c) if regex.match(`^(npm|yarn|pnpm) +config +set +strict-ssl +false`, c)

insecure(c) if regex.match(`^git +config( +--[a-z]+)* +http[.]sslverify +(false|0)`, lower(c))

curl_k(w) if w == "--insecure"

curl_k(w) if regex.match(`^-[a-zA-Z]*k[a-zA-Z]*$`, w)

deny contains result if {
	some x in df.runs
	some c in df.commands(x.script)
	insecure(c)
	result := {
		"msg": sprintf("%s disables TLS certificate verification: %s", [x.resource.address, c]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
