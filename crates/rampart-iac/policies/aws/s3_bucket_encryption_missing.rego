# METADATA
# title: "S3 bucket has no default encryption configured"
# description: "Neither an inline server_side_encryption_configuration nor a separate aws_s3_bucket_server_side_encryption_configuration sets default encryption for the bucket."
# custom:
#   id: aws-s3-bucket-encryption-missing
#   severity: low
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "S3 has applied SSE-S3 to new objects by default since January 2023, but an explicit configuration documents the intent and is where a customer managed key is chosen."
#   remediation: "Add an aws_s3_bucket_server_side_encryption_configuration with an apply_server_side_encryption_by_default rule (aws:kms with a customer managed key for sensitive data)."
#   references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html"]
#   aliases:
#     checkov: [CKV_AWS_19]
#     trivy: [AVD-AWS-0088]
#     tfsec: [aws-s3-enable-bucket-encryption]
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
#         resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
#           bucket = aws_s3_bucket.data.id
#           rule {
#             apply_server_side_encryption_by_default {
#               sse_algorithm = "aws:kms"
#             }
#           }
#         }
#       - |
#         resource "aws_s3_bucket" "old" {
#           bucket = "corp-old"
#           server_side_encryption_configuration {
#             rule {
#               apply_server_side_encryption_by_default {
#                 sse_algorithm = "AES256"
#               }
#             }
#           }
#         }
package rampart.aws.s3_bucket_encryption_missing

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some b in cc.resources({"aws_s3_bucket"})
	cc.blank(cc.get(b.values, ["server_side_encryption_configuration"]))
	cc.size(aws.attached(b, "aws_s3_bucket_server_side_encryption_configuration")) == 0
	result := {"msg": sprintf("S3 bucket %s has no default encryption configuration", [b.address]), "resource": b.address}
}
