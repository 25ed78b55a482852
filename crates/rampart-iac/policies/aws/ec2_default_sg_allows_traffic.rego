# METADATA
# title: "Default security group allows traffic"
# description: "The VPC's default security group (aws_default_security_group) keeps ingress or egress rules."
# custom:
#   id: aws-ec2-default-sg-allows-traffic
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Resources launched without an explicit group land in the default group; it should deny everything so that mistake fails closed."
#   remediation: "Declare aws_default_security_group with no ingress and no egress blocks and use purpose-built groups."
#   references: ["https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html"]
#   aliases:
#     checkov: [CKV2_AWS_12]
#     trivy: [AVD-AWS-0173]
#     tfsec: [aws-ec2-restrict-all-in-default-sg]
#   examples:
#     fail:
#       - |
#         resource "aws_default_security_group" "default" {
#           vpc_id = "vpc-0123456789abcdef0"
#           ingress {
#             protocol  = "-1"
#             self      = true
#             from_port = 0
#             to_port   = 0
#           }
#         }
#     pass:
#       - |
#         resource "aws_default_security_group" "default" {
#           vpc_id = "vpc-0123456789abcdef0"
#         }
package rampart.aws.ec2_default_sg_allows_traffic

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_default_security_group"})
	some k in ["ingress", "egress"]
	cc.size(cc.arr(cc.oget(r.values, k, []))) > 0
	result := {"msg": sprintf("%s keeps %s rules; the default group should allow nothing", [r.address, k]), "resource": r.address, "attribute": k}
}
