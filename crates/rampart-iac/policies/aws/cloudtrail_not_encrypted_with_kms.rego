# METADATA
# title: "CloudTrail logs are not encrypted with KMS"
# description: "The trail has no kms_key_id, so its log files use only S3-managed encryption."
# custom:
#   id: aws-cloudtrail-not-encrypted-with-kms
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021", "A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "SSE-KMS adds a key policy between readers of the log bucket and the audit trail itself."
#   remediation: "Set kms_key_id to a customer managed key whose policy allows CloudTrail to encrypt."
#   references: ["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html"]
#   aliases:
#     checkov: [CKV_AWS_35]
#     trivy: [AVD-AWS-0015]
#     tfsec: [aws-cloudtrail-encryption-customer-managed-key]
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
package rampart.aws.cloudtrail_not_encrypted_with_kms

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_cloudtrail"})
	cc.blank(cc.get(r.values, ["kms_key_id"]))
	result := {"msg": sprintf("%s does not encrypt logs with a KMS key", [r.address]), "resource": r.address, "attribute": "kms_key_id"}
}
