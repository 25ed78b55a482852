# METADATA
# title: yum/dnf install without cleaning the cache
# description: A RUN step installs with yum, dnf or microdnf but the same step does not run clean all, leaving repository metadata and packages in the layer.
# custom:
#   id: docker-yum-no-clean
#   severity: low
#   kinds: [dockerfile]
#   cwe: [710]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: The cache bloats the image and keeps stale repository metadata around; smaller images have fewer files to patch and scan.
#   remediation: Finish the same RUN with yum clean all (or dnf clean all / microdnf clean all) and rm -rf /var/cache/yum.
#   references: ["https://docs.docker.com/build/building/best-practices/#run"]
#   aliases:
#     trivy: [DS015, AVD-DS-0015, DS019, AVD-DS-0019]
#   examples:
#     fail:
#       - |
#         FROM rockylinux:9
#         RUN yum install -y httpd
#     pass:
#       - |
#         FROM rockylinux:9
#         RUN yum install -y httpd && yum clean all && rm -rf /var/cache/yum
package rampart.dockerfile.yum_no_clean

import data.rampart.lib.ci_dockerfile as df
import rego.v1

deny contains result if {
	some x in df.runs
	some c in df.commands(x.script)
	m := regex.find_n(`^(yum|dnf|microdnf)( +-[^ ]+)* +install`, c, 1)
	count(m) == 1
	tool := df.words(c)[0]
	not regex.match(sprintf("%s( +-[^ ]+)* +clean +all", [tool]), x.script)
	result := {
		"msg": sprintf("%s runs %s install without %s clean all", [x.resource.address, tool, tool]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
