# METADATA
# title: Image build sets account passwords
# description: A RUN step sets a password with chpasswd, passwd --stdin or usermod -p.
# custom:
#   id: docker-chpasswd
#   severity: high
#   kinds: [dockerfile]
#   cwe: [798, 259]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1", "PW.9.1"]
#   rationale: The password is baked into the image (and usually written in clear in the Dockerfile and layer history); every container shares it and anyone with the image can recover or crack it.
#   remediation: Do not give image accounts passwords; containers need none. If a service needs credentials, inject them at run time from a secret store.
#   references: ["https://docs.docker.com/build/building/secrets/", "https://man7.org/linux/man-pages/man8/chpasswd.8.html"]
#   aliases:
#     checkov: [CKV2_DOCKER_17]
#   examples:
#     fail:
#       - |
#         FROM ubuntu:24.04
#         RUN useradd -m app && echo "app:Passw0rd!" | chpasswd
#     pass:
#       - |
#         FROM ubuntu:24.04
#         RUN useradd -m --shell /usr/sbin/nologin app
package rampart.dockerfile.chpasswd

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.runs
	regex.match(`(^|[ ;&|(])(chpasswd|passwd +--stdin|usermod +[^;&|]*-p +[^ ])`, x.script)
	result := {
		"msg": sprintf("%s sets an account password during the build", [x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
