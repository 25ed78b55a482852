# METADATA
# title: CI job turns off TLS certificate verification
# description: GIT_SSL_NO_VERIFY is set to true, or a script runs curl -k/--insecure or wget --no-check-certificate.
# custom:
#   id: gitlab-tls-verification-disabled
#   severity: high
#   kinds: [gitlab_ci]
#   cwe: [295]
#   owasp: ["A02:2021", "A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Without certificate checks, anyone on the runner's network path can impersonate the Git server or download host and feed the job modified code or tools while collecting its credentials.
#   remediation: Trust the needed CA instead (CI_SERVER_TLS_CA_FILE, a CA bundle in the image) and remove the bypass.
#   references: ["https://docs.gitlab.com/runner/configuration/tls-self-signed/"]
#   examples:
#     fail:
#       - |
#         variables:
#           GIT_SSL_NO_VERIFY: "true"
#         build:
#           script: [make]
#       - |
#         fetch:
#           script:
#             - curl -k -o tool.tgz https://tools.internal.example/tool.tgz
#     pass:
#       - |
#         fetch:
#           script:
#             - curl --cacert "$CI_SERVER_TLS_CA_FILE" -fsSLo tool.tgz https://tools.internal.example/tool.tgz
package rampart.gitlab.tls_verification_disabled

import data.rampart.lib.ci_gitlab as gl
import rego.v1

deny contains result if {
	some x in gl.variables
	x.name == "GIT_SSL_NO_VERIFY"
	gl.truthy(x.value)
	result := {"msg": sprintf("%s sets GIT_SSL_NO_VERIFY", [x.resource.address]), "resource": x.resource.address, "attribute": x.attribute}
}

insecure(line) if regex.match(`(^|[ ;&|(])curl( [^;&|]*)? (-[a-zA-Z]*k[a-zA-Z]*|--insecure)( |$)`, line)

insecure(line) if regex.match(`(^|[ ;&|(])wget [^;&|]*--no-check-certificate`, line)

deny contains result if {
	some x in gl.lines
	insecure(x.line)
	result := {"msg": sprintf("%s skips TLS certificate verification: %s", [x.job.address, x.line]), "resource": x.job.address, "attribute": x.attribute}
}
