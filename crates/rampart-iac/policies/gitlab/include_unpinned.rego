# METADATA
# title: Included project or component is not pinned
# description: include - project has no ref or a branch-like ref, or include - component uses ~latest or a branch, instead of a commit SHA or an exact version.
# custom:
#   id: gitlab-include-unpinned
#   severity: medium
#   kinds: [gitlab_ci]
#   cwe: [829, 494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: The included configuration runs with this pipeline's secrets; a moving ref lets anyone who can push to the other project change this pipeline without review here.
#   remediation: Set ref to a full commit SHA (or at least an immutable release tag) and pin components to an exact version.
#   references: ["https://docs.gitlab.com/ci/yaml/#includeproject", "https://docs.gitlab.com/ci/components/#component-versions"]
#   examples:
#     fail:
#       - |
#         include:
#           - project: platform/ci-templates
#             file: /templates/deploy.yml
#         build:
#           script: [make]
#       - |
#         include:
#           - component: $CI_SERVER_FQDN/platform/components/sast@~latest
#         build:
#           script: [make]
#     pass:
#       - |
#         include:
#           - project: platform/ci-templates
#             ref: 2f1c3a9b7d6e5f40312a9b8c7d6e5f4031201abc
#             file: /templates/deploy.yml
#           - component: $CI_SERVER_FQDN/platform/components/sast@1.4.2
#         build:
#           script: [make]
package rampart.gitlab.include_unpinned

import data.rampart.lib.ci_gitlab as gl
import rego.v1

entries := [e | some e in gl.pipeline.values.include] if is_array(gl.pipeline.values.include)

else := [gl.pipeline.values.include]

pinned(ref) if regex.match(`^[0-9a-f]{40}$`, ref)

pinned(ref) if regex.match(`^v?[0-9]+[.][0-9]+[.][0-9]+([-+][0-9A-Za-z.-]+)?$`, ref)

deny contains result if {
	some e in entries
	is_object(e)
	e.project
	ref := object.get(e, "ref", "")
	not pinned(ref)
	result := {"msg": sprintf("pipeline includes %s at %q, not a pinned commit or version", [e.project, ref]), "resource": gl.pipeline.address, "attribute": "include"}
}

deny contains result if {
	some e in entries
	is_object(e)
	c := e.component
	is_string(c)
	parts := split(c, "@")
	version := concat("", array.slice(parts, 1, 2))
	not pinned(version)
	result := {"msg": sprintf("pipeline includes component %s without an exact version", [c]), "resource": gl.pipeline.address, "attribute": "include"}
}
