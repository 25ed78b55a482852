# METADATA
# title: "Subnet gives instances public IP addresses by default"
# description: "An aws_subnet sets map_public_ip_on_launch = true."
# custom:
#   id: aws-subnet-public-ip-on-launch
#   severity: low
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Every instance launched into the subnet becomes internet-addressable unless someone remembers to opt out."
#   remediation: "Set map_public_ip_on_launch = false and assign public addresses only to the resources that need them (load balancers, NAT)."
#   references: ["https://docs.aws.amazon.com/vpc/latest/userguide/modify-subnets.html"]
#   aliases:
#     checkov: [CKV_AWS_130]
#     trivy: [AVD-AWS-0164]
#     tfsec: [aws-ec2-no-public-ip-subnet]
#   examples:
#     fail:
#       - |
#         resource "aws_subnet" "public" {
#           vpc_id                  = "vpc-0123456789abcdef0"
#           cidr_block              = "10.0.1.0/24"
#           map_public_ip_on_launch = true
#         }
#     pass:
#       - |
#         resource "aws_subnet" "private" {
#           vpc_id     = "vpc-0123456789abcdef0"
#           cidr_block = "10.0.2.0/24"
#         }
package rampart.aws.subnet_public_ip_on_launch

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_subnet"})
	v := cc.get(r.values, ["map_public_ip_on_launch"])
	cc.differs(v, false, false)
	result := {"msg": sprintf("%s assigns public IP addresses on launch", [r.address]), "resource": r.address, "attribute": "map_public_ip_on_launch"}
}
