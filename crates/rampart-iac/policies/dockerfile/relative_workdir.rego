# METADATA
# title: WORKDIR is a relative path
# description: A WORKDIR instruction uses a relative path, which resolves against whatever the previous working directory was.
# custom:
#   id: docker-relative-workdir
#   severity: low
#   kinds: [dockerfile]
#   cwe: [706]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Relative working directories depend on the base image's WORKDIR and earlier instructions, so files land in unexpected places when either changes.
#   remediation: Use absolute paths in WORKDIR (a variable that expands to an absolute path is fine).
#   references: ["https://docs.docker.com/reference/dockerfile/#workdir"]
#   aliases:
#     checkov: [CKV_DOCKER_10]
#     trivy: [DS009, AVD-DS-0009]
#   examples:
#     fail:
#       - |
#         FROM node:22-slim
#         WORKDIR app
#     pass:
#       - |
#         FROM node:22-slim
#         WORKDIR /app
#         WORKDIR $HOME/src
#       - |
#         FROM mcr.microsoft.com/windows/servercore:ltsc2022
#         WORKDIR C:\\app
package rampart.dockerfile.relative_workdir

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.instructions
	x.ins.cmd == "workdir"
	p := trim(trim_space(x.ins.value), "\"'")
	not startswith(p, "/")
	not startswith(p, "$")
	not regex.match(`^[A-Za-z]:`, p)
	result := {
		"msg": sprintf("%s uses relative WORKDIR %q", [x.resource.address, p]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
