# METADATA
# title: "CloudTrail trail records one region only"
# description: "is_multi_region_trail is not true, so API activity in other regions is not recorded."
# custom:
#   id: aws-cloudtrail-not-multi-region
#   severity: medium
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Attackers deliberately work in regions nobody watches (crypto-mining, persistence)."
#   remediation: "Set is_multi_region_trail = true."
#   references: ["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html"]
#   aliases:
#     checkov: [CKV_AWS_67]
#     trivy: [AVD-AWS-0014]
#     tfsec: [aws-cloudtrail-enable-all-regions]
#   examples:
#     fail:
#       - |
#         resource "aws_cloudtrail" "main" {
#           name                          = "main"
#           s3_bucket_name                = "corp-trail"
#           enable_log_file_validation = true
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
package rampart.aws.cloudtrail_not_multi_region

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_cloudtrail"})
	v := cc.get(r.values, ["is_multi_region_trail"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not record all regions", [r.address]), "resource": r.address, "attribute": "is_multi_region_trail"}
}
