# METADATA
# title: Credential file copied into the image
# description: A COPY or ADD instruction copies a file that typically holds credentials (SSH private keys, .env, .npmrc, .pypirc, .netrc, .git-credentials, cloud credential files, *.pem/*.key, kubeconfig).
# custom:
#   id: docker-copy-secret-file
#   severity: high
#   kinds: [dockerfile]
#   cwe: [538, 312]
#   owasp: ["A02:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1"]
#   rationale: Every layer is part of the image; even if a later step deletes the file it stays recoverable from the layer, and anyone who can pull the image gets the credential.
#   remediation: Use BuildKit secret or SSH mounts (RUN --mount=type=secret / --mount=type=ssh) for build-time credentials and inject runtime ones from the orchestrator; add such files to .dockerignore.
#   references: ["https://docs.docker.com/build/building/secrets/", "https://docs.docker.com/build/concepts/context/#dockerignore-files"]
#   aliases:
#     trivy: [DS031, AVD-DS-0031]
#   examples:
#     fail:
#       - |
#         FROM node:22-slim
#         COPY .npmrc package.json package-lock.json ./
#         RUN npm ci
#       - |
#         FROM alpine:3.20
#         COPY id_rsa /root/.ssh/id_rsa
#     pass:
#       - |
#         FROM node:22-slim
#         COPY package.json package-lock.json ./
#         RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
#         COPY certs/ca.pem /usr/local/share/ca-certificates/ca.crt
package rampart.dockerfile.copy_secret_file

import data.rampart.lib.ci_dockerfile as df
import rego.v1

secret_file(p) if regex.match(`(^|/)(id_rsa|id_dsa|id_ecdsa|id_ed25519|[.]env|[.]env[.][a-z]+|[.]npmrc|[.]pypirc|[.]netrc|[.]git-credentials|[.]dockercfg|credentials[.]json|service-account[.]json|kubeconfig|[.]kube/config|[.]aws/credentials|[.]docker/config[.]json)$`, lower(p))

secret_file(p) if {
	regex.match(`[.](key|p12|pfx|jks|keystore)$`, lower(p))
	not regex.match(`[.]pub$`, lower(p))
}

secret_file(p) if regex.match(`(^|/)[^/]*(private|secret)[^/]*[.]pem$`, lower(p))

sources(ins) := array.slice(ws, 0, count(ws) - 1) if {
	ws := [w | some w in args(ins); not startswith(w, "--")]
	count(ws) > 1
} else := []

args(ins) := ins.args if is_array(ins.args)

else := df.words(ins.value)

deny contains result if {
	some x in df.instructions
	x.ins.cmd in {"copy", "add"}
	not x.ins.flags.from
	some src in sources(x.ins)
	secret_file(trim(src, "\"'"))
	result := {
		"msg": sprintf("%s copies credential file %s into the image", [x.resource.address, src]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
