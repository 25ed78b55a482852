# METADATA
# title: "S3 public access block leaves a setting off"
# description: "A bucket or account public access block sets one of block_public_acls, block_public_policy, ignore_public_acls or restrict_public_buckets to false (they default to false when omitted)."
# custom:
#   id: aws-s3-public-access-block-incomplete
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Each of the four settings closes a different path to public exposure; one left off is enough for a public ACL or policy to take effect."
#   remediation: "Set all four settings to true."
#   references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-options"]
#   aliases:
#     checkov: [CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56]
#     trivy: [AVD-AWS-0086, AVD-AWS-0087, AVD-AWS-0091, AVD-AWS-0093]
#     tfsec: [aws-s3-block-public-acls, aws-s3-block-public-policy, aws-s3-ignore-public-acls, aws-s3-no-public-buckets]
#   examples:
#     fail:
#       - |
#         resource "aws_s3_bucket_public_access_block" "data" {
#           bucket                  = "corp-data"
#           block_public_acls       = true
#           block_public_policy     = false
#           ignore_public_acls      = true
#           restrict_public_buckets = true
#         }
#       - |
#         resource "aws_s3_account_public_access_block" "all" {
#           block_public_acls = true
#         }
#     pass:
#       - |
#         resource "aws_s3_bucket_public_access_block" "data" {
#           bucket                  = "corp-data"
#           block_public_acls       = true
#           block_public_policy     = true
#           ignore_public_acls      = true
#           restrict_public_buckets = true
#         }
package rampart.aws.s3_public_access_block_incomplete

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"})
	some f in ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]
	cc.differs(cc.get(r.values, [f]), true, true)
	result := {"msg": sprintf("%s does not set %s to true", [r.address, f]), "resource": r.address, "attribute": f}
}
