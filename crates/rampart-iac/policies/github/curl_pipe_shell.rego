# METADATA
# title: run step pipes a download into a shell
# description: A run step downloads a script with curl or wget and executes it directly (curl ... | bash, bash <(curl ...)).
# custom:
#   id: gha-curl-pipe-shell
#   severity: medium
#   kinds: [github_actions]
#   cwe: [494, 829]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: The job runs whatever the server returns, with its token and secrets, without a checksum or signature - a compromised host or CDN (as with Codecov's bash uploader in 2021) harvests the CI credentials.
#   remediation: Download to a file, verify a published checksum or signature, then execute it; or use a SHA-pinned action or a package manager with signed metadata.
#   references: ["https://about.codecov.io/security-update/", "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions"]
#   examples:
#     fail:
#       - |
#         on: push
#         jobs:
#           upload:
#             runs-on: ubuntu-latest
#             steps:
#               - run: curl -s https://codecov.io/bash | bash
#     pass:
#       - |
#         on: push
#         jobs:
#           upload:
#             runs-on: ubuntu-latest
#             steps:
#               - run: |
#                   curl -fsSLo uploader.sh https://example.com/uploader.sh
#                   echo "5d41402abc4b2a76b9719d911017c592  uploader.sh" | sha256sum -c -
#                   bash uploader.sh
package rampart.github.curl_pipe_shell

import data.rampart.lib.ci_common as ci
import data.rampart.lib.ci_github as gh
import rego.v1

deny contains result if {
	some x in gh.steps
	is_string(x.step.run)
	ci.pipe_to_shell(x.step.run)
	result := {
		"msg": sprintf("%s step %d pipes a download into a shell", [x.job.address, x.index]),
		"resource": x.job.address,
		"attribute": sprintf("%s.run", [x.attribute]),
	}
}
