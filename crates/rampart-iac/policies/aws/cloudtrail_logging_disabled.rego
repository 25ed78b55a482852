# METADATA
# title: "CloudTrail trail has logging switched off"
# description: "enable_logging = false: the trail exists but records nothing."
# custom:
#   id: aws-cloudtrail-logging-disabled
#   severity: high
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A stopped trail is a classic anti-forensics step; declaring one stopped hides activity by design."
#   remediation: "Remove enable_logging = false (it defaults to true)."
#   references: ["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-turning-off-logging.html"]
#   aliases:
#     checkov: [CKV_AWS_251]
#   examples:
#     fail:
#       - |
#         resource "aws_cloudtrail" "main" {
#           name                          = "main"
#           s3_bucket_name                = "corp-trail"
#           enable_logging = false
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
package rampart.aws.cloudtrail_logging_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_cloudtrail"})
	v := cc.get(r.values, ["enable_logging"])
	cc.differs(v, true, false)
	result := {"msg": sprintf("%s does not log", [r.address]), "resource": r.address, "attribute": "enable_logging"}
}
