# METADATA
# title: Self-hosted runner used by a workflow outsiders can trigger
# description: A job runs on a self-hosted runner in a workflow triggered by pull_request, pull_request_target, issue_comment, issues, discussion or similar events that people outside the repository can cause.
# custom:
#   id: gha-self-hosted-public-trigger
#   severity: high
#   kinds: [github_actions]
#   cwe: [829, 250]
#   owasp: ["A05:2021", "A01:2021"]
#   owasp_llm: []
#   ssdf: ["PO.5.1", "PW.9.1"]
#   rationale: Self-hosted runners are not wiped between jobs; code from a fork's pull request (or a crafted comment) can persist on the machine, steal later jobs' secrets and reach the internal network it sits in.
#   remediation: Use GitHub-hosted or ephemeral, isolated runners (just-in-time, one job per VM) for workflows outsiders can trigger, and require approval for fork pull requests.
#   references: ["https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#self-hosted-runner-security"]
#   examples:
#     fail:
#       - |
#         on: [push, pull_request]
#         jobs:
#           test:
#             runs-on: [self-hosted, linux, gpu]
#             steps:
#               - run: make test
#     pass:
#       - |
#         on:
#           push:
#             branches: [main]
#         jobs:
#           deploy:
#             runs-on: [self-hosted, linux]
#             steps:
#               - run: make deploy
#       - |
#         on: pull_request
#         jobs:
#           test:
#             runs-on: ubuntu-latest
#             steps:
#               - run: make test
package rampart.github.self_hosted_public_trigger

import data.rampart.lib.ci_github as gh
import rego.v1

deny contains result if {
	public := gh.triggers & gh.public_triggers
	count(public) > 0
	some r in gh.jobs
	gh.self_hosted(r.values["runs-on"])
	result := {
		"msg": sprintf("%s runs on a self-hosted runner in a workflow triggered by %v", [r.address, sort(public)]),
		"resource": r.address,
		"attribute": "runs-on",
	}
}
