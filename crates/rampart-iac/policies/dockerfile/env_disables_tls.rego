# METADATA
# title: ENV turns off TLS certificate verification
# description: An ENV instruction sets NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0, GIT_SSL_NO_VERIFY, NPM_CONFIG_STRICT_SSL=false or a similar switch.
# custom:
#   id: docker-env-disables-tls
#   severity: high
#   kinds: [dockerfile]
#   cwe: [295]
#   owasp: ["A02:2021", "A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: The setting persists into every container from the image, so the application and its tools accept any certificate and connections can be intercepted in production, not only during the build.
#   remediation: Remove the variable and trust the needed CA instead (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, REQUESTS_CA_BUNDLE).
#   references: ["https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue", "https://peps.python.org/pep-0493/"]
#   aliases:
#     checkov: [CKV2_DOCKER_5, CKV2_DOCKER_6, CKV2_DOCKER_12, CKV2_DOCKER_14]
#   examples:
#     fail:
#       - |
#         FROM node:22-slim
#         ENV NODE_TLS_REJECT_UNAUTHORIZED=0
#       - |
#         FROM python:3.12-slim
#         ENV PYTHONHTTPSVERIFY 0
#     pass:
#       - |
#         FROM node:22-slim
#         ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/internal-ca.pem NODE_TLS_REJECT_UNAUTHORIZED=1
package rampart.dockerfile.env_disables_tls

import data.rampart.lib.ci_dockerfile as df
import rego.v1

off(k, v) if {
	k in {"NODE_TLS_REJECT_UNAUTHORIZED", "PYTHONHTTPSVERIFY"}
	v == "0"
}

off(k, _) if k == "GIT_SSL_NO_VERIFY"

off(k, v) if {
	k in {"NPM_CONFIG_STRICT_SSL", "npm_config_strict_ssl", "YARN_STRICT_SSL", "CURL_INSECURE"}
	lower(v) in {"false", "0", "no"}
}

deny contains result if {
	some x in df.instructions
	x.ins.cmd == "env"
	some kv in df.pairs(x.ins)
	off(kv[0], kv[1])
	result := {
		"msg": sprintf("%s sets %s=%v, turning off TLS verification", [x.resource.address, kv[0], kv[1]]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
