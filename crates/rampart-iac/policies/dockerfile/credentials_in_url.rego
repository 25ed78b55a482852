# METADATA
# title: Credentials embedded in a URL in the Dockerfile
# description: A RUN, ADD or ENV instruction contains a URL with a user name and password or token (scheme://user:secret@host).
# custom:
#   id: docker-credentials-in-url
#   severity: high
#   kinds: [dockerfile]
#   cwe: [798, 522]
#   owasp: ["A07:2021", "A02:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1"]
#   rationale: The credential is stored in the Dockerfile, the image's layer history and often in tool configuration written into the image (.git/config, pip.conf).
#   remediation: Use BuildKit secret mounts (RUN --mount=type=secret) or SSH forwarding (--mount=type=ssh) and reference the secret from a file or env inside that RUN only; rotate the exposed credential.
#   references: ["https://docs.docker.com/build/building/secrets/"]
#   examples:
#     fail:
#       - |
#         FROM python:3.12-slim
#         RUN pip install --index-url https://deploy:Sup3rS3cret@pypi.internal.example/simple app==1.0
#       - |
#         FROM alpine/git:2.45.2
#         RUN git clone https://oauth2:glpat-exampleexampleexample@gitlab.example.com/team/app.git
#     pass:
#       - |
#         FROM python:3.12-slim
#         RUN --mount=type=secret,id=pipconf,target=/etc/pip.conf pip install app==1.0
#         RUN git clone https://github.com/example/public.git
#         RUN pip install --index-url https://${PIP_USER}:${PIP_TOKEN}@pypi.internal.example/simple app==1.0
package rampart.dockerfile.credentials_in_url

import data.rampart.lib.ci_dockerfile as df
import rego.v1

creds(text) := m if {
	ms := regex.find_n(`[a-zA-Z][a-zA-Z0-9+.-]*://[^/ :@"']+:[^/ @"']+@[^ /"']+`, text, -1)
	m := [x | some x in ms; not placeholder(x)]
	count(m) > 0
}

# Credentials taken from variables are not literal.
placeholder(u) if regex.match(`://[^@]*[$]`, u)

deny contains result if {
	some x in df.instructions
	x.ins.cmd in {"run", "add", "env", "arg"}
	found := creds(df.text(x.ins))
	result := {
		"msg": sprintf("%s embeds credentials in a URL (%d occurrence(s))", [x.resource.address, count(found)]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
