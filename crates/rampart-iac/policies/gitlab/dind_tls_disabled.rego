# METADATA
# title: Docker-in-Docker without TLS
# description: DOCKER_TLS_CERTDIR is set to an empty string, or DOCKER_HOST points at tcp port 2375, so the job talks to the docker:dind daemon over unauthenticated plain TCP.
# custom:
#   id: gitlab-dind-tls-disabled
#   severity: high
#   kinds: [gitlab_ci]
#   cwe: [319]
#   owasp: ["A02:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Anything that can reach the dind service on the runner's network can drive its Docker daemon - which runs privileged - to read the job's files and credentials or escape to the runner host.
#   remediation: Keep DOCKER_TLS_CERTDIR at /certs (the default of the docker:dind image) and use DOCKER_HOST tcp://docker:2376 with TLS verification.
#   references: ["https://docs.gitlab.com/ci/docker/using_docker_build/#docker-in-docker-with-tls-enabled-in-the-docker-executor"]
#   examples:
#     fail:
#       - |
#         build:
#           image: docker:27.3
#           services: [docker:27.3-dind]
#           variables:
#             DOCKER_TLS_CERTDIR: ""
#             DOCKER_HOST: tcp://docker:2375
#           script: [docker build .]
#     pass:
#       - |
#         build:
#           image: docker:27.3
#           services: [docker:27.3-dind]
#           variables:
#             DOCKER_TLS_CERTDIR: /certs
#             DOCKER_HOST: tcp://docker:2376
#           script: [docker build .]
package rampart.gitlab.dind_tls_disabled

import data.rampart.lib.ci_gitlab as gl
import rego.v1

deny contains result if {
	some x in gl.variables
	x.name == "DOCKER_TLS_CERTDIR"
	trim_space(sprintf("%v", [x.value])) in {"", "null"}
	result := {"msg": sprintf("%s disables TLS for Docker-in-Docker (DOCKER_TLS_CERTDIR empty)", [x.resource.address]), "resource": x.resource.address, "attribute": x.attribute}
}

deny contains result if {
	some x in gl.variables
	x.name == "DOCKER_HOST"
	regex.match(`^tcp://[^/]*:2375/?$`, sprintf("%v", [x.value]))
	result := {"msg": sprintf("%s talks to Docker over plain TCP port 2375", [x.resource.address]), "resource": x.resource.address, "attribute": x.attribute}
}
