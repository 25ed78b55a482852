# METADATA
# title: pip trusts a host without TLS verification
# description: pip is told to skip certificate checks (--trusted-host, PIP_TRUSTED_HOST) or to use a package index over plain http.
# custom:
#   id: docker-pip-insecure-index
#   severity: high
#   kinds: [dockerfile]
#   cwe: [295, 319]
#   owasp: ["A08:2021", "A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: Packages fetched over unverified connections can be replaced in transit, so anyone on the network path can run code in the build and ship it in the image.
#   remediation: Serve internal indexes over HTTPS with a trusted certificate (add the CA with PIP_CERT or --cert) and remove --trusted-host.
#   references: ["https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host", "https://pip.pypa.io/en/stable/topics/https-certificates/"]
#   aliases:
#     checkov: [CKV2_DOCKER_4, CKV2_DOCKER_16]
#   examples:
#     fail:
#       - |
#         FROM python:3.12-slim
#         RUN pip install --trusted-host pypi.internal.example --index-url https://pypi.internal.example/simple flask==3.0.3
#       - |
#         FROM python:3.12-slim
#         ENV PIP_INDEX_URL=http://pypi.internal.example/simple
#     pass:
#       - |
#         FROM python:3.12-slim
#         ENV PIP_INDEX_URL=https://pypi.internal.example/simple PIP_CERT=/etc/ssl/certs/internal-ca.pem
#         RUN pip install flask==3.0.3
package rampart.dockerfile.pip_insecure_index

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.runs
	some c in df.commands(x.script)
	regex.match(`(^| )pip[0-9.]*( |$)`, c)
	regex.match(`--trusted-host|(--index-url|--extra-index-url|-i)[ =]+http://`, c)
	result := {
		"msg": sprintf("%s installs Python packages without TLS verification: %s", [x.resource.address, c]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}

deny contains result if {
	some x in df.instructions
	x.ins.cmd == "env"
	some kv in df.pairs(x.ins)
	insecure_env(kv[0], kv[1])
	result := {
		"msg": sprintf("%s sets %s=%s, disabling TLS for pip", [x.resource.address, kv[0], kv[1]]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}

insecure_env(k, _) if k == "PIP_TRUSTED_HOST"

insecure_env(k, v) if {
	k in {"PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL"}
	startswith(lower(v), "http://")
}
