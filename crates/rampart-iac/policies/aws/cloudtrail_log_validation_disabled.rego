# METADATA
# title: "CloudTrail log file validation is disabled"
# description: "enable_log_file_validation is not true on the trail."
# custom:
#   id: aws-cloudtrail-log-validation-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [354]
#   owasp: ["A08:2021", "A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without digest files nobody can prove the logs were not edited or deleted after an intrusion."
#   remediation: "Set enable_log_file_validation = true."
#   references: ["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html"]
#   aliases:
#     checkov: [CKV_AWS_36]
#     trivy: [AVD-AWS-0016]
#     tfsec: [aws-cloudtrail-enable-log-validation]
#   examples:
#     fail:
#       - |
#         resource "aws_cloudtrail" "main" {
#           name                          = "main"
#           s3_bucket_name                = "corp-trail"
#           is_multi_region_trail = true
#         }
#     pass:
#       - |
#         resource "aws_cloudtrail" "main" {
#           name                          = "main"
#           s3_bucket_name                = "corp-trail"
#           is_multi_region_trail      = true
#           enable_log_file_validation = true
#           kms_key_id                 = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#         }
package rampart.aws.cloudtrail_log_validation_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_cloudtrail"})
	v := cc.get(r.values, ["enable_log_file_validation"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not validate its log files", [r.address]), "resource": r.address, "attribute": "enable_log_file_validation"}
}
