# METADATA
# title: Image runs as root because no USER is set
# description: The final image (its stage and the stages it is built from) has no USER instruction, so containers start as root unless the runtime overrides it.
# custom:
#   id: docker-no-user
#   severity: high
#   kinds: [dockerfile]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: A root process in a container is root on the host kernel; an application bug or container escape then starts with full privileges, and mounted volumes lose their file-permission protection.
#   remediation: Create an unprivileged user (RUN useradd --uid 10001 app) and switch to it with USER before CMD/ENTRYPOINT.
#   references: ["https://docs.docker.com/build/building/best-practices/#user"]
#   aliases:
#     checkov: [CKV_DOCKER_3]
#     trivy: [DS002, AVD-DS-0002]
#   examples:
#     fail:
#       - |
#         FROM python:3.12-slim
#         COPY app /app
#         CMD ["python", "/app/main.py"]
#     pass:
#       - |
#         FROM gcr.io/distroless/static-debian12:nonroot
#         COPY app /app
#       - |
#         FROM python:3.12-slim AS base
#         RUN useradd --uid 10001 app
#         USER app
#       - |
#         FROM python:3.12-slim AS base
#         RUN useradd --uid 10001 app
#         USER 10001
#         FROM base
#         COPY app /app
#         CMD ["python", "/app/main.py"]
package rampart.dockerfile.no_user

import data.rampart.lib.ci_dockerfile as df
import rego.v1

has_user if {
	some x in df.final_instructions
	x.ins.cmd == "user"
}

# Base images documented to run as a non-root user by default.
nonroot_base if {
	some s in df.lineage
	contains(lower(sprintf("%v", [s.values.from.tag])), "nonroot")
}

deny contains result if {
	r := df.final_stage
	not has_user
	not nonroot_base
	result := {
		"msg": sprintf("final stage %s never sets a USER, so the image runs as root", [r.address]),
		"resource": r.address,
		"attribute": "from",
	}
}
