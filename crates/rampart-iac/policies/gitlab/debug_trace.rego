# METADATA
# title: CI debug tracing is switched on
# description: CI_DEBUG_TRACE or CI_DEBUG_SERVICES is set to true in .gitlab-ci.yml.
# custom:
#   id: gitlab-debug-trace
#   severity: medium
#   kinds: [gitlab_ci]
#   cwe: [532]
#   owasp: ["A09:2021", "A02:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1", "PW.9.1"]
#   rationale: Debug tracing prints every command with its expanded variables, including masked and protected secrets, into job logs that many project members can read.
#   remediation: Remove the variable; enable tracing only temporarily for a single manual run and then delete that job's log.
#   references: ["https://docs.gitlab.com/ci/variables/variables_troubleshooting/#enable-debug-logging"]
#   examples:
#     fail:
#       - |
#         variables:
#           CI_DEBUG_TRACE: "true"
#         build:
#           script: [make]
#       - |
#         build:
#           variables:
#             CI_DEBUG_SERVICES: true
#           script: [make]
#     pass:
#       - |
#         variables:
#           CI_DEBUG_TRACE: "false"
#         build:
#           script: [make]
package rampart.gitlab.debug_trace

import data.rampart.lib.ci_gitlab as gl
import rego.v1

deny contains result if {
	some x in gl.variables
	x.name in {"CI_DEBUG_TRACE", "CI_DEBUG_SERVICES"}
	gl.truthy(x.value)
	result := {"msg": sprintf("%s sets %s, which writes secrets to the job log", [x.resource.address, x.name]), "resource": x.resource.address, "attribute": x.attribute}
}
