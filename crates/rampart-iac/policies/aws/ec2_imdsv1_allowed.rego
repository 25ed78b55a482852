# METADATA
# title: "EC2 instance metadata service allows IMDSv1"
# description: "metadata_options.http_tokens is not \"required\" on an instance or launch template, so the unauthenticated IMDSv1 stays available."
# custom:
#   id: aws-ec2-imdsv1-allowed
#   severity: high
#   kinds: [terraform]
#   cwe: [918, 284]
#   owasp: ["A10:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "IMDSv1 answers plain GET requests, so an SSRF bug in any app on the host hands out the instance role's credentials."
#   remediation: "Set metadata_options { http_tokens = \"required\" } (and http_put_response_hop_limit = 1 unless containers need 2)."
#   references: ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html"]
#   aliases:
#     checkov: [CKV_AWS_79]
#     trivy: [AVD-AWS-0028, AVD-AWS-0130]
#     tfsec: [aws-ec2-enforce-http-token-imds, aws-ec2-enforce-launch-config-http-token-imds]
#   examples:
#     fail:
#       - |
#         resource "aws_instance" "web" {
#           ami           = "ami-0abcdef1234567890"
#           instance_type = "t3.micro"
#
#         }
#       - |
#         resource "aws_launch_template" "web" {
#           name = "web"
#           metadata_options {
#             http_endpoint = "enabled"
#             http_tokens   = "optional"
#           }
#         }
#     pass:
#       - |
#         resource "aws_instance" "web" {
#           ami           = "ami-0abcdef1234567890"
#           instance_type = "t3.micro"
#           metadata_options {
#             http_endpoint = "enabled"
#             http_tokens   = "required"
#           }
#         }
#       - |
#         resource "aws_instance" "web" {
#           ami           = "ami-0abcdef1234567890"
#           instance_type = "t3.micro"
#           metadata_options {
#             http_endpoint = "disabled"
#           }
#         }
package rampart.aws.ec2_imdsv1_allowed

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_instance", "aws_launch_template", "aws_launch_configuration"})
	mo := cc.oget(r.values, ["metadata_options", 0], {})
	not cc.unknown(mo)
	not cc.is_or_unknown(cc.oget(mo, "http_endpoint", "enabled"), "disabled")
	t := cc.oget(mo, "http_tokens", "optional")
	not cc.unknown(t)
	t != "required"
	result := {"msg": sprintf("%s allows IMDSv1 (http_tokens is not required)", [r.address]), "resource": r.address, "attribute": "metadata_options.0.http_tokens"}
}
