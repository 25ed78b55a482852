# METADATA
# title: "CloudTrail trail is not sent to CloudWatch Logs"
# description: "The trail has no cloud_watch_logs_group_arn, so no metric filters or alarms can act on its events."
# custom:
#   id: aws-cloudtrail-no-cloudwatch-logs
#   severity: low
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "CloudWatch delivery is what makes real-time alerting on root logins, policy changes and trail tampering possible."
#   remediation: "Set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn."
#   references: ["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html"]
#   aliases:
#     checkov: [CKV2_AWS_10]
#     trivy: [AVD-AWS-0162]
#     tfsec: [aws-cloudtrail-ensure-cloudwatch-integration]
#   examples:
#     fail:
#       - |
#         resource "aws_cloudtrail" "main" {
#           name                          = "main"
#           s3_bucket_name                = "corp-trail"
#           is_multi_region_trail      = true
#           enable_log_file_validation = true
#           kms_key_id                 = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#         }
#     pass:
#       - |
#         resource "aws_cloudtrail" "main" {
#           name                          = "main"
#           s3_bucket_name                = "corp-trail"
#           is_multi_region_trail      = true
#           cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:trail:*"
#           cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail-to-cw"
#         }
package rampart.aws.cloudtrail_no_cloudwatch_logs

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_cloudtrail"})
	cc.blank(cc.get(r.values, ["cloud_watch_logs_group_arn"]))
	result := {"msg": sprintf("%s does not deliver events to CloudWatch Logs", [r.address]), "resource": r.address, "attribute": "cloud_watch_logs_group_arn"}
}
