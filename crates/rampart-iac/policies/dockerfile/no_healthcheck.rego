# METADATA
# title: Image defines no HEALTHCHECK
# description: The final image has no HEALTHCHECK instruction (or disables it with HEALTHCHECK NONE).
# custom:
#   id: docker-no-healthcheck
#   severity: low
#   kinds: [dockerfile]
#   cwe: [754]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Without a health check, Docker and Compose report a hung container as running; orchestrators other than Kubernetes rely on it to restart or stop routing to broken instances.
#   remediation: Add HEALTHCHECK CMD with a cheap liveness request (for example curl -f http://localhost:8080/healthz || exit 1). Kubernetes ignores it and uses probes instead.
#   references: ["https://docs.docker.com/reference/dockerfile/#healthcheck"]
#   aliases:
#     checkov: [CKV_DOCKER_2]
#     trivy: [DS026, AVD-DS-0026]
#   examples:
#     fail:
#       - |
#         FROM nginx:1.27
#         COPY site /usr/share/nginx/html
#     pass:
#       - |
#         FROM nginx:1.27
#         COPY site /usr/share/nginx/html
#         HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1
package rampart.dockerfile.no_healthcheck

import data.rampart.lib.ci_dockerfile as df
import rego.v1

has_healthcheck if {
	some x in df.final_instructions
	x.ins.cmd == "healthcheck"
	upper(trim_space(x.ins.value)) != "NONE"
}

deny contains result if {
	r := df.final_stage
	not has_healthcheck
	result := {
		"msg": sprintf("final stage %s has no HEALTHCHECK", [r.address]),
		"resource": r.address,
		"attribute": "from",
	}
}
