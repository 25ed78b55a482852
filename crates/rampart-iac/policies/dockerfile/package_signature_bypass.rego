# METADATA
# title: Package manager told to accept unsigned packages
# description: A RUN step installs packages with signature checks off (apk --allow-untrusted, apt-get --allow-unauthenticated or --force-yes, yum/dnf --nogpgcheck, rpm --nosignature/--nodigest).
# custom:
#   id: docker-package-signature-bypass
#   severity: high
#   kinds: [dockerfile]
#   cwe: [347]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: Repository signatures are what stop a mirror, proxy or network attacker from serving modified packages; without them the build installs whatever it receives, as root.
#   remediation: Import the repository's signing key and drop the bypass flag.
#   references: ["https://wiki.debian.org/SecureApt", "https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper"]
#   aliases:
#     checkov: [CKV2_DOCKER_7, CKV2_DOCKER_8, CKV2_DOCKER_9, CKV2_DOCKER_10, CKV2_DOCKER_11]
#   examples:
#     fail:
#       - |
#         FROM alpine:3.20
#         RUN apk add --allow-untrusted /tmp/tool.apk
#       - |
#         FROM rockylinux:9
#         RUN dnf install -y --nogpgcheck tool
#     pass:
#       - |
#         FROM alpine:3.20
#         RUN apk add --no-cache curl
package rampart.dockerfile.package_signature_bypass

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.runs
	some c in df.commands(x.script)
	regex.match(`^(sudo +)?(apk|apt-get|apt|yum|dnf|microdnf|tdnf|rpm|zypper)( |$)`, c)
	regex.match(`(--allow-untrusted|--allow-unauthenticated|--force-yes|--nogpgcheck|--nosignature|--nodigest|--noverify|--nofiledigest|--no-gpg-checks|allowunauthenticated=(true|1)|gpgcheck=0)`, lower(c))
	result := {
		"msg": sprintf("%s installs packages without signature checks: %s", [x.resource.address, c]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
