# METADATA
# title: "CloudWatch log group keeps logs for less than a year"
# description: "retention_in_days is set below 365 on the log group."
# custom:
#   id: aws-cloudwatch-log-group-short-retention
#   severity: low
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Intrusions are often found months later; logs deleted after days or weeks cannot answer what happened."
#   remediation: "Set retention_in_days to 365 or more (or 0 / unset to keep logs indefinitely)."
#   references: ["https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention"]
#   aliases:
#     checkov: [CKV_AWS_338]
#   examples:
#     fail:
#       - |
#         resource "aws_cloudwatch_log_group" "app" {
#           name              = "/app/api"
#           retention_in_days = 14
#         }
#     pass:
#       - |
#         resource "aws_cloudwatch_log_group" "app" {
#           name              = "/app/api"
#           retention_in_days = 400
#         }
package rampart.aws.cloudwatch_log_group_short_retention

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_cloudwatch_log_group"})
	v := cc.get(r.values, ["retention_in_days"])
	v != null
	not cc.unknown(v)
	cc.num(v) > 0
	cc.num(v) < 365
	result := {"msg": sprintf("%s keeps logs for only %v days", [r.address, v]), "resource": r.address, "attribute": "retention_in_days"}
}
