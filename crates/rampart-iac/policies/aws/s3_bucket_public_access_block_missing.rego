# METADATA
# title: "S3 bucket has no public access block"
# description: "The bucket has no aws_s3_bucket_public_access_block attached (and the account has no account-wide block), so a later ACL or policy change can make it public."
# custom:
#   id: aws-s3-bucket-public-access-block-missing
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A public access block is the guard rail that keeps a single mistaken ACL or policy from exposing data."
#   remediation: "Add an aws_s3_bucket_public_access_block for the bucket with all four settings true, or an aws_s3_account_public_access_block."
#   references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"]
#   aliases:
#     checkov: [CKV2_AWS_6]
#     trivy: [AVD-AWS-0094]
#     tfsec: [aws-s3-specify-public-access-block]
#   examples:
#     fail:
#       - |
#         resource "aws_s3_bucket" "data" {
#           bucket = "corp-data"
#         }
#     pass:
#       - |
#         resource "aws_s3_bucket" "data" {
#           bucket = "corp-data"
#         }
#
#         resource "aws_s3_bucket_public_access_block" "data" {
#           bucket                  = aws_s3_bucket.data.id
#           block_public_acls       = true
#           block_public_policy     = true
#           ignore_public_acls      = true
#           restrict_public_buckets = true
#         }
#       - |
#         resource "aws_s3_account_public_access_block" "all" {
#           block_public_acls       = true
#           block_public_policy     = true
#           ignore_public_acls      = true
#           restrict_public_buckets = true
#         }
#
#         resource "aws_s3_bucket" "data" {
#           bucket = "corp-data"
#         }
package rampart.aws.s3_bucket_public_access_block_missing

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some b in cc.resources({"aws_s3_bucket"})
	not aws.account_blocks_public
	cc.size(aws.attached(b, "aws_s3_bucket_public_access_block")) == 0
	result := {"msg": sprintf("S3 bucket %s has no public access block", [b.address]), "resource": b.address}
}
