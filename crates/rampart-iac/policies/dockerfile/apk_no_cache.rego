# METADATA
# title: apk add without --no-cache
# description: A RUN step runs apk add without --no-cache (and without removing /var/cache/apk afterwards).
# custom:
#   id: docker-apk-no-cache
#   severity: low
#   kinds: [dockerfile]
#   cwe: [710]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: The package index stays in the layer, enlarging the image with stale data.
#   remediation: Use apk add --no-cache.
#   references: ["https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper#Local_Cache"]
#   aliases:
#     trivy: [DS025, AVD-DS-0025]
#   examples:
#     fail:
#       - |
#         FROM alpine:3.20
#         RUN apk update && apk add curl
#     pass:
#       - |
#         FROM alpine:3.20
#         RUN apk add --no-cache curl
#         RUN apk add curl && rm -rf /var/cache/apk/*
package rampart.dockerfile.apk_no_cache

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.runs
	some c in df.commands(x.script)
	regex.match(`^(sudo +)?apk( +-[^ ]+)* +add( |$)`, c)
	not contains(c, "--no-cache")
	not contains(x.script, "/var/cache/apk")
	result := {
		"msg": sprintf("%s runs apk add without --no-cache", [x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
