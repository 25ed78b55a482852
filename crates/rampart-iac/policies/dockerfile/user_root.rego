# METADATA
# title: Image's last USER is root
# description: The last USER instruction of the final image is root (or UID 0), so containers start as root.
# custom:
#   id: docker-user-root
#   severity: high
#   kinds: [dockerfile]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Switching back to root after setting an application user undoes the protection; every process of the container runs with root's power over the kernel and mounted files.
#   remediation: End the final stage with USER set to a non-root user; do root-only steps before it.
#   references: ["https://docs.docker.com/reference/dockerfile/#user"]
#   aliases:
#     checkov: [CKV_DOCKER_8]
#     trivy: [DS002, AVD-DS-0002]
#   examples:
#     fail:
#       - |
#         FROM node:22-slim
#         USER node
#         RUN npm ci
#         USER root
#         CMD ["node", "server.js"]
#       - |
#         FROM alpine:3.20
#         USER 0:0
#     pass:
#       - |
#         FROM node:22-slim
#         USER root
#         RUN apt-get update
#         USER node
#         CMD ["node", "server.js"]
package rampart.dockerfile.user_root

import data.rampart.lib.ci_dockerfile as df
import rego.v1

root(v) if {
	u := lower(trim_space(split(trim_space(v), ":")[0]))
	u in {"root", "0"}
}

last_user := x if {
	users := [u | some u in df.final_instructions; u.ins.cmd == "user"]
	count(users) > 0
	x := users[count(users) - 1]
}

deny contains result if {
	x := last_user
	root(x.ins.value)
	result := {
		"msg": sprintf("%s ends with USER %s", [x.resource.address, x.ins.value]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
