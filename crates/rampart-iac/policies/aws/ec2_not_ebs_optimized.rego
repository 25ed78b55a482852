# METADATA
# title: "EC2 instance is not EBS-optimized"
# description: "The instance sets ebs_optimized = false."
# custom:
#   id: aws-ec2-not-ebs-optimized
#   severity: low
#   kinds: [terraform]
#   cwe: [400]
#   owasp: ["A04:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without dedicated EBS bandwidth, disk I/O competes with network traffic, which degrades availability under load."
#   remediation: "Set ebs_optimized = true (the default for current-generation types)."
#   references: ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ebs-optimized.html"]
#   aliases:
#     checkov: [CKV_AWS_135]
#   examples:
#     fail:
#       - |
#         resource "aws_instance" "web" {
#           ami           = "ami-0abcdef1234567890"
#           instance_type = "t3.micro"
#           ebs_optimized = false
#         }
#     pass:
#       - |
#         resource "aws_instance" "web" {
#           ami           = "ami-0abcdef1234567890"
#           instance_type = "t3.micro"
#           ebs_optimized = true
#         }
package rampart.aws.ec2_not_ebs_optimized

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_instance"})
	v := cc.get(r.values, ["ebs_optimized"])
	cc.differs(v, true, false)
	result := {"msg": sprintf("%s is not EBS-optimized", [r.address]), "resource": r.address, "attribute": "ebs_optimized"}
}
