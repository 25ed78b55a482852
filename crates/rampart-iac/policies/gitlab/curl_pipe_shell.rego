# METADATA
# title: CI script pipes a download into a shell
# description: A script line downloads a script with curl or wget and executes it directly (curl ... | sh, bash <(curl ...)).
# custom:
#   id: gitlab-curl-pipe-shell
#   severity: medium
#   kinds: [gitlab_ci]
#   cwe: [494, 829]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: The job runs whatever the server returns, with CI_JOB_TOKEN and every variable in scope, with no checksum or signature.
#   remediation: Download to a file, verify its checksum or signature, then run it; or bake the tool into a pinned job image.
#   references: ["https://docs.gitlab.com/ci/pipeline_security/"]
#   examples:
#     fail:
#       - |
#         setup:
#           script:
#             - curl -sSL https://example.com/install.sh | bash
#     pass:
#       - |
#         setup:
#           script:
#             - curl -fsSLo install.sh https://example.com/install.sh
#             - echo "5d41402abc4b2a76b9719d911017c592  install.sh" | sha256sum -c -
#             - bash install.sh
package rampart.gitlab.curl_pipe_shell

import data.rampart.lib.ci_common as ci
import data.rampart.lib.ci_gitlab as gl
import rego.v1

deny contains result if {
	some x in gl.lines
	ci.pipe_to_shell(x.line)
	result := {"msg": sprintf("%s pipes a download into a shell", [x.job.address]), "resource": x.job.address, "attribute": x.attribute}
}
