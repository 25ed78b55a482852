# METADATA
# title: "CloudWatch log group is not encrypted with a customer managed key"
# description: "The log group has no kms_key_id."
# custom:
#   id: aws-cloudwatch-log-group-not-encrypted-with-kms
#   severity: low
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Logs carry tokens, request bodies and personal data; a customer managed key lets you control and audit who can read them."
#   remediation: "Set kms_key_id to a customer managed key whose policy allows the logs service principal."
#   references: ["https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html"]
#   aliases:
#     checkov: [CKV_AWS_158]
#     trivy: [AVD-AWS-0017]
#     tfsec: [aws-cloudwatch-log-group-customer-key]
#   examples:
#     fail:
#       - |
#         resource "aws_cloudwatch_log_group" "app" {
#           name              = "/app/api"
#           retention_in_days = 400
#         }
#     pass:
#       - |
#         resource "aws_cloudwatch_log_group" "app" {
#           name              = "/app/api"
#           retention_in_days = 400
#           kms_key_id        = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#         }
package rampart.aws.cloudwatch_log_group_not_encrypted_with_kms

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_cloudwatch_log_group"})
	cc.blank(cc.get(r.values, ["kms_key_id"]))
	result := {"msg": sprintf("%s is not encrypted with a customer managed KMS key", [r.address]), "resource": r.address, "attribute": "kms_key_id"}
}
