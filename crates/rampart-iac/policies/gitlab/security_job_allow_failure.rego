# METADATA
# title: Security scanning job may fail without failing the pipeline
# description: A SAST, secret detection, dependency, container, IaC or DAST scanning job (by name or by what it extends) sets allow_failure true.
# custom:
#   id: gitlab-security-job-allow-failure
#   severity: low
#   kinds: [gitlab_ci]
#   cwe: [754]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.7.2", "PW.8.2"]
#   rationale: When the scanner crashes, times out or finds blocking issues, the pipeline still goes green and the change ships without anyone noticing the gate did not run.
#   remediation: Set allow_failure false on scanners that should gate merges (GitLab's templates default to true), or enforce them with a scan execution policy.
#   references: ["https://docs.gitlab.com/ci/yaml/#allow_failure", "https://docs.gitlab.com/user/application_security/sast/"]
#   examples:
#     fail:
#       - |
#         include:
#           - template: Jobs/SAST.gitlab-ci.yml
#         semgrep-sast:
#           allow_failure: true
#       - |
#         secret_detection:
#           stage: test
#           allow_failure: true
#           script: [gitleaks detect]
#     pass:
#       - |
#         secret_detection:
#           stage: test
#           allow_failure: false
#           script: [gitleaks detect]
#       - |
#         docs:
#           allow_failure: true
#           script: [make docs]
package rampart.gitlab.security_job_allow_failure

import data.rampart.lib.ci_gitlab as gl
import rego.v1

scanner_name(n) if regex.match(`(^|[-_.])(sast|secret[-_]detection|secrets|dependency[-_]scanning|container[-_]scanning|dast|iac|gemnasium|semgrep|trivy|grype|gitleaks|trufflehog|checkov|kics|bandit|rampart|snyk|sonar|fuzz)([-_.:]|$)`, lower(n))

scanner(r) if scanner_name(r.name)

scanner(r) if {
	some p in r.values.extends
	scanner_name(p)
}

deny contains result if {
	some r in gl.jobs
	scanner(r)
	r.values.allow_failure == true
	result := {"msg": sprintf("%s is a security scanner allowed to fail", [r.address]), "resource": r.address, "attribute": "allow_failure"}
}
