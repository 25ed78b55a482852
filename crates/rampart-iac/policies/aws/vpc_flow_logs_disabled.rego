# METADATA
# title: "VPC has no flow log"
# description: "No aws_flow_log refers to the VPC, so its network traffic is not recorded."
# custom:
#   id: aws-vpc-flow-logs-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Flow logs are the record of which hosts talked to which during an intrusion."
#   remediation: "Add an aws_flow_log with vpc_id set to the VPC and traffic_type ALL (to CloudWatch Logs or S3)."
#   references: ["https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html"]
#   aliases:
#     checkov: [CKV2_AWS_11]
#     trivy: [AVD-AWS-0178]
#     tfsec: [aws-ec2-require-vpc-flow-logs-for-all-vpcs]
#   examples:
#     fail:
#       - |
#         resource "aws_vpc" "main" {
#           cidr_block = "10.0.0.0/16"
#         }
#     pass:
#       - |
#         resource "aws_vpc" "main" {
#           cidr_block = "10.0.0.0/16"
#         }
#
#         resource "aws_flow_log" "main" {
#           vpc_id               = aws_vpc.main.id
#           traffic_type         = "ALL"
#           log_destination_type = "s3"
#           log_destination      = "arn:aws:s3:::corp-flow-logs"
#         }
package rampart.aws.vpc_flow_logs_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some v in cc.resources({"aws_vpc"})
	not has_flow_log(v)
	result := {"msg": sprintf("%s has no VPC flow log", [v.address]), "resource": v.address}
}

has_flow_log(v) if {
	some f in cc.resources({"aws_flow_log"})
	v.address in f.references
}
