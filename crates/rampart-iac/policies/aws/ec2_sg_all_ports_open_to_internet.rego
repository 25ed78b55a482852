# METADATA
# title: "Security group opens every port to the internet"
# description: "A security group rule allows all protocols, or ports 0-65535, from 0.0.0.0/0 or ::/0."
# custom:
#   id: aws-ec2-sg-all-ports-open-to-internet
#   severity: critical
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Every service on the instance, including ones never meant to be reachable, is exposed."
#   remediation: "Allow only the ports the service needs, from the sources that need them."
#   references: ["https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html"]
#   aliases:
#     checkov: [CKV_AWS_277]
#   examples:
#     fail:
#       - |
#         resource "aws_security_group_rule" "all" {
#           type              = "ingress"
#           security_group_id = "sg-0123456789abcdef0"
#           from_port         = 0
#           to_port           = 0
#           protocol          = "-1"
#           cidr_blocks       = ["0.0.0.0/0"]
#         }
#     pass:
#       - |
#         resource "aws_security_group_rule" "all_internal" {
#           type              = "ingress"
#           security_group_id = "sg-0123456789abcdef0"
#           from_port         = 0
#           to_port           = 0
#           protocol          = "-1"
#           cidr_blocks       = ["10.0.0.0/8"]
#         }
package rampart.aws.ec2_sg_all_ports_open_to_internet

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some rule in aws.world_ingress
	cc.all_ports(rule.protocol, rule.from, rule.to)
	result := {"msg": sprintf("%s allows every port from the whole internet", [rule.resource.address]), "resource": rule.resource.address, "attribute": rule.attribute}
}
