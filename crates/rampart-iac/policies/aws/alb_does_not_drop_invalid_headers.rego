# METADATA
# title: "Application load balancer forwards invalid HTTP headers"
# description: "An application load balancer does not set drop_invalid_header_fields = true."
# custom:
#   id: aws-alb-does-not-drop-invalid-headers
#   severity: low
#   kinds: [terraform]
#   cwe: [444]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Forwarding malformed headers enables request smuggling and header-injection tricks against back ends."
#   remediation: "Set drop_invalid_header_fields = true."
#   references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes"]
#   aliases:
#     checkov: [CKV_AWS_131]
#     trivy: [AVD-AWS-0052]
#     tfsec: [aws-elb-drop-invalid-headers]
#   examples:
#     fail:
#       - |
#         resource "aws_lb" "web" {
#           name               = "web"
#           load_balancer_type = "application"
#           subnets            = ["subnet-0a", "subnet-0b"]
#         }
#     pass:
#       - |
#         resource "aws_lb" "web" {
#           name                       = "web"
#           load_balancer_type         = "application"
#           subnets                    = ["subnet-0a", "subnet-0b"]
#           drop_invalid_header_fields = true
#         }
#       - |
#         resource "aws_lb" "nlb" {
#           name               = "nlb"
#           load_balancer_type = "network"
#           subnets            = ["subnet-0a", "subnet-0b"]
#         }
package rampart.aws.alb_does_not_drop_invalid_headers

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_lb", "aws_alb"})
	cc.oget(r.values, "load_balancer_type", "application") == "application"
	cc.differs(cc.get(r.values, ["drop_invalid_header_fields"]), true, true)
	result := {"msg": sprintf("%s does not drop invalid header fields", [r.address]), "resource": r.address, "attribute": "drop_invalid_header_fields"}
}
