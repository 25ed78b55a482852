# METADATA
# title: Untrusted predefined variable evaluated as code
# description: A script passes a variable an outside contributor controls (merge request title or description, commit message, branch or tag name, source branch of an MR) to eval, sh -c, bash -c, python -c, node -e or similar.
# custom:
#   id: gitlab-script-injection
#   severity: high
#   kinds: [gitlab_ci]
#   cwe: [78]
#   owasp: ["A03:2021"]
#   owasp_llm: []
#   ssdf: ["PW.5.1", "PO.3.2"]
#   rationale: These values come from whoever opened the merge request or pushed the commit; when the shell or an interpreter re-parses them as code, characters such as backquotes, $( ) and semicolons in a title or branch name run commands with the job's tokens and variables.
#   remediation: Never re-evaluate those variables; use them only as quoted arguments ("$CI_MERGE_REQUEST_TITLE") or write them to a file and read it as data.
#   references: ["https://docs.gitlab.com/ci/variables/predefined_variables/", "https://docs.gitlab.com/ci/pipelines/merge_request_pipelines/"]
#   examples:
#     fail:
#       - |
#         check:
#           script:
#             - eval "echo $CI_MERGE_REQUEST_TITLE"
#       - |
#         notify:
#           script:
#             - bash -c "./notify.sh $CI_COMMIT_MESSAGE"
#     pass:
#       - |
#         check:
#           script:
#             - echo "$CI_MERGE_REQUEST_TITLE" > title.txt
#             - ./lint-title.py title.txt
#             - bash -c "./build.sh $CI_COMMIT_SHA"
package rampart.gitlab.script_injection

import data.rampart.lib.ci_gitlab as gl
import rego.v1

untrusted := `[$][{]?(CI_MERGE_REQUEST_TITLE|CI_MERGE_REQUEST_DESCRIPTION|CI_COMMIT_MESSAGE|CI_COMMIT_TITLE|CI_COMMIT_DESCRIPTION|CI_COMMIT_TAG_MESSAGE|CI_COMMIT_BRANCH|CI_COMMIT_REF_NAME|CI_COMMIT_TAG|CI_MERGE_REQUEST_SOURCE_BRANCH_NAME|CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME|CI_COMMIT_AUTHOR|CI_MERGE_REQUEST_LABELS)([^A-Z0-9_]|$)`

evaluates(line) if regex.match(`(^|[;&|(] *)(eval|(sh|bash|zsh|dash|ksh) +(-[a-z]+ +)*-[a-z]*c|(python[0-9.]*|perl|ruby) +-[a-zA-Z]*[ce]|node +(-e|--eval)|pwsh +-(c|command)|xargs +(sh|bash))( |$)`, line)

deny contains result if {
	some x in gl.lines
	evaluates(x.line)
	m := regex.find_n(untrusted, x.line, 1)
	count(m) == 1
	result := {
		"msg": sprintf("%s evaluates untrusted %s as code", [x.job.address, trim_right(m[0], " \"';)}")]),
		"resource": x.job.address,
		"attribute": x.attribute,
	}
}
