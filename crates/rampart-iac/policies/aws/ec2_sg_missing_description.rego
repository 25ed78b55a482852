# METADATA
# title: "Security group or rule has no description"
# description: "A security group, an inline ingress/egress rule or an aws_security_group_rule has no description."
# custom:
#   id: aws-ec2-sg-missing-description
#   severity: low
#   kinds: [terraform]
#   cwe: [710]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Undocumented firewall rules cannot be reviewed: nobody knows which can be removed."
#   remediation: "Describe each group and rule with its purpose."
#   references: ["https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"]
#   aliases:
#     checkov: [CKV_AWS_23]
#     trivy: [AVD-AWS-0099, AVD-AWS-0124]
#     tfsec: [aws-ec2-add-description-to-security-group, aws-ec2-add-description-to-security-group-rule]
#   examples:
#     fail:
#       - |
#         resource "aws_security_group" "web" {
#           name = "web"
#           ingress {
#             from_port   = 443
#             to_port     = 443
#             protocol    = "tcp"
#             cidr_blocks = ["10.0.0.0/8"]
#           }
#         }
#     pass:
#       - |
#         resource "aws_security_group" "web" {
#           name        = "web"
#           description = "Web tier"
#           ingress {
#             description = "HTTPS from the load balancer subnets"
#             from_port   = 443
#             to_port     = 443
#             protocol    = "tcp"
#             cidr_blocks = ["10.0.0.0/8"]
#           }
#         }
package rampart.aws.ec2_sg_missing_description

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"})
	cc.blank(cc.get(r.values, ["description"]))
	r.type != "aws_security_group"
	result := {"msg": sprintf("%s has no description", [r.address]), "resource": r.address}
}

deny contains result if {
	some r in cc.resources({"aws_security_group"})
	d := cc.get(r.values, ["description"])
	d in {null, "", "Managed by Terraform"}
	result := {"msg": sprintf("%s has no description of its own", [r.address]), "resource": r.address, "attribute": "description"}
}

deny contains result if {
	some r in cc.resources({"aws_security_group"})
	some k in ["ingress", "egress"]
	some i, b in cc.arr(cc.oget(r.values, k, []))
	cc.blank(cc.oget(b, "description", null))
	result := {"msg": sprintf("%s has an %s rule without description", [r.address, k]), "resource": r.address, "attribute": sprintf("%s.%d", [k, i])}
}
