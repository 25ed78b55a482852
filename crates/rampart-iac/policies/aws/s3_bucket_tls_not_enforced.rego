# METADATA
# title: "S3 bucket policy does not deny plain-HTTP requests"
# description: "The bucket has no policy statement that denies requests where aws:SecureTransport is false, so objects can be read and written over unencrypted HTTP."
# custom:
#   id: aws-s3-bucket-tls-not-enforced
#   severity: medium
#   kinds: [terraform]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "S3 accepts HTTP as well as HTTPS unless a bucket policy refuses it; data and presigned credentials then travel in clear text."
#   remediation: "Attach a bucket policy with a Deny statement for all principals and actions when aws:SecureTransport is \"false\"."
#   references: ["https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html"]
#   examples:
#     fail:
#       - |
#         resource "aws_s3_bucket" "data" {
#           bucket = "corp-data"
#         }
#
#         resource "aws_s3_bucket_policy" "data" {
#           bucket = aws_s3_bucket.data.id
#           policy = jsonencode({
#             Version = "2012-10-17"
#             Statement = [{
#               Effect    = "Allow"
#               Principal = { AWS = "arn:aws:iam::123456789012:role/app" }
#               Action    = "s3:GetObject"
#               Resource  = "arn:aws:s3:::corp-data/*"
#             }]
#           })
#         }
#     pass:
#       - |
#         resource "aws_s3_bucket" "data" {
#           bucket = "corp-data"
#         }
#
#         data "aws_iam_policy_document" "tls" {
#           statement {
#             effect    = "Deny"
#             actions   = ["s3:*"]
#             resources = ["arn:aws:s3:::corp-data", "arn:aws:s3:::corp-data/*"]
#             principals {
#               type        = "*"
#               identifiers = ["*"]
#             }
#             condition {
#               test     = "Bool"
#               variable = "aws:SecureTransport"
#               values   = ["false"]
#             }
#           }
#         }
#
#         resource "aws_s3_bucket_policy" "data" {
#           bucket = aws_s3_bucket.data.id
#           policy = data.aws_iam_policy_document.tls.json
#         }
#       - |
#         resource "aws_s3_bucket" "data" {
#           bucket = "corp-data"
#         }
#
#         data "aws_iam_policy_document" "deny_plain_http" {
#           statement {
#             effect    = "Deny"
#             actions   = ["s3:*"]
#             resources = ["arn:aws:s3:::corp-data", "arn:aws:s3:::corp-data/*"]
#             principals {
#               type        = "*"
#               identifiers = ["*"]
#             }
#             condition {
#               test     = "Bool"
#               variable = "aws:SecureTransport"
#               values   = ["false"]
#             }
#           }
#         }
#
#         data "aws_iam_policy_document" "combined" {
#           source_policy_documents = [data.aws_iam_policy_document.deny_plain_http.json]
#         }
#
#         resource "aws_s3_bucket_policy" "data" {
#           bucket = aws_s3_bucket.data.id
#           policy = data.aws_iam_policy_document.combined.json
#         }
package rampart.aws.s3_bucket_tls_not_enforced

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some b in cc.resources({"aws_s3_bucket"})
	not tls_enforced(b)
	result := {"msg": sprintf("S3 bucket %s has no policy denying requests without TLS", [b.address]), "resource": b.address}
}

tls_enforced(b) if {
	some p in array.concat(aws.attached(b, "aws_s3_bucket_policy"), [b])
	some s in aws.statements(p)
	not s.allow
	s.insecure_transport
}

# a bucket policy that cannot be resolved statically is given the benefit of the doubt
tls_enforced(b) if {
	some p in aws.attached(b, "aws_s3_bucket_policy")
	cc.unknown(cc.oget(p.values, "policy", ""))
	cc.size(aws.statements(p)) == 0
}
