# METADATA
# title: Pipeline includes remote YAML without an integrity hash
# description: include - remote (or a bare https URL) pulls pipeline configuration from a URL without the integrity field.
# custom:
#   id: gitlab-include-remote
#   severity: high
#   kinds: [gitlab_ci]
#   cwe: [829, 494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: Whoever controls that URL (or the network path, or a takeover of the domain) decides what runs in the pipeline with its secrets and deploy rights, and can change it at any time.
#   remediation: Vendor the file into the repository, include it from a project at a pinned commit, or add integrity - sha256-... (GitLab 17.9+).
#   references: ["https://docs.gitlab.com/ci/yaml/#includeremote", "https://docs.gitlab.com/ci/yaml/#includeintegrity"]
#   examples:
#     fail:
#       - |
#         include:
#           - remote: https://example.com/ci/templates/build.yml
#         build:
#           script: [make]
#       - |
#         include: https://example.com/ci/templates/build.yml
#         build:
#           script: [make]
#     pass:
#       - |
#         include:
#           - remote: https://example.com/ci/templates/build.yml
#             integrity: sha256-L3/GAoKaw0Arw6hDCKeKQlV1QPEgHYxGBHsH4zG1IY8=
#           - local: /ci/lint.yml
#         build:
#           script: [make]
package rampart.gitlab.include_remote

import data.rampart.lib.ci_gitlab as gl
import rego.v1

entries := [e | some e in gl.pipeline.values.include] if is_array(gl.pipeline.values.include)

else := [gl.pipeline.values.include]

url(e) := e if {
	is_string(e)
	regex.match(`^https?://`, e)
}

url(e) := e.remote if {
	is_object(e)
	not e.integrity
}

deny contains result if {
	some e in entries
	u := url(e)
	result := {"msg": sprintf("pipeline includes remote configuration %s without an integrity hash", [u]), "resource": gl.pipeline.address, "attribute": "include"}
}
