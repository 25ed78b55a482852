# METADATA
# title: ADD used where COPY would do
# description: ADD copies local files that are not archives; ADD's extra behaviour (auto-extracting archives, fetching URLs) is not needed.
# custom:
#   id: docker-add-instead-of-copy
#   severity: low
#   kinds: [dockerfile]
#   cwe: [706]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: ADD's implicit extraction and remote fetching make the instruction's effect depend on the source's content, which surprises reviewers and has enabled path-traversal and zip-bomb problems; COPY does exactly one thing.
#   remediation: Use COPY for local files and directories; keep ADD only for deliberate archive extraction.
#   references: ["https://docs.docker.com/build/building/best-practices/#add-or-copy"]
#   aliases:
#     checkov: [CKV_DOCKER_4]
#     trivy: [DS005, AVD-DS-0005]
#   examples:
#     fail:
#       - |
#         FROM node:22-slim
#         ADD package.json /app/
#     pass:
#       - |
#         FROM node:22-slim
#         COPY package.json /app/
#         ADD vendor.tar.gz /opt/vendor/
package rampart.dockerfile.add_instead_of_copy

import data.rampart.lib.ci_dockerfile as df
import rego.v1

archive(v) if regex.match(`[.](tar|tgz|tar[.](gz|bz2|xz|zst)|tbz2?|txz|gz|bz2|xz|zip)([ "\]]|$)`, lower(v))

remote(v) if regex.match(`(https?|ftp|git)://|git@`, lower(v))

deny contains result if {
	some x in df.instructions
	x.ins.cmd == "add"
	not archive(x.ins.value)
	not remote(x.ins.value)
	result := {
		"msg": sprintf("%s uses ADD for local files (%s); use COPY", [x.resource.address, x.ins.value]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
