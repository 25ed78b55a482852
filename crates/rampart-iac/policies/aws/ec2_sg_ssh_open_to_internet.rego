# METADATA
# title: "Security group opens SSH to the internet"
# description: "A security group rule allows inbound traffic from 0.0.0.0/0 or ::/0 to SSH (port 22)."
# custom:
#   id: aws-ec2-sg-ssh-open-to-internet
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Internet-facing SSH is scanned and brute-forced within minutes of exposure."
#   remediation: "Allow the port only from known CIDR ranges, a bastion or VPN security group, or use AWS Systems Manager Session Manager / EC2 Instance Connect Endpoint instead of open admin ports."
#   references: ["https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html", "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"]
#   aliases:
#     checkov: [CKV_AWS_24]
#     trivy: [AVD-AWS-0107]
#     tfsec: [aws-ec2-no-public-ingress-sgr]
#   examples:
#     fail:
#       - |
#         resource "aws_security_group" "admin" {
#           name        = "admin"
#           description = "Admin access"
#           ingress {
#             description = "open"
#             from_port   = 22
#             to_port     = 22
#             protocol    = "tcp"
#             cidr_blocks = ["0.0.0.0/0"]
#           }
#         }
#       - |
#         resource "aws_vpc_security_group_ingress_rule" "admin" {
#           security_group_id = "sg-0123456789abcdef0"
#           cidr_ipv6         = "::/0"
#           from_port         = 22
#           to_port           = 22
#           ip_protocol       = "tcp"
#         }
#     pass:
#       - |
#         resource "aws_security_group" "admin" {
#           name        = "admin"
#           description = "Admin access from the VPN"
#           ingress {
#             description = "vpn"
#             from_port   = 22
#             to_port     = 22
#             protocol    = "tcp"
#             cidr_blocks = ["10.20.0.0/16"]
#           }
#           ingress {
#             description = "https"
#             from_port   = 443
#             to_port     = 443
#             protocol    = "tcp"
#             cidr_blocks = ["0.0.0.0/0"]
#           }
#         }
package rampart.aws.ec2_sg_ssh_open_to_internet

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some rule in aws.world_ingress
	some p in {22}
	aws.reaches(rule, p)
	not cc.all_ports(rule.protocol, rule.from, rule.to)
	result := {"msg": sprintf("%s allows port %d from the whole internet", [rule.resource.address, p]), "resource": rule.resource.address, "attribute": rule.attribute}
}
