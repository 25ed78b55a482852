# METADATA
# title: "S3 bucket policy allows any principal"
# description: "A bucket policy statement allows actions to Principal \"*\" without a condition that narrows who can use it."
# custom:
#   id: aws-s3-bucket-policy-public-principal
#   severity: high
#   kinds: [terraform]
#   cwe: [284, 732]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A wildcard principal in a bucket policy exposes the bucket to every AWS account and anonymous users on the internet."
#   remediation: "Name the accounts, roles or services that need access in Principal, or add a condition (aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn) that restricts the wildcard."
#   references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html"]
#   aliases:
#     checkov: [CKV_AWS_70]
#   examples:
#     fail:
#       - |
#         resource "aws_s3_bucket_policy" "data" {
#           bucket = "corp-data"
#           policy = jsonencode({
#             Version = "2012-10-17"
#             Statement = [{
#               Effect    = "Allow"
#               Principal = "*"
#               Action    = "s3:GetObject"
#               Resource  = "arn:aws:s3:::corp-data/*"
#             }]
#           })
#         }
#       - |
#         data "aws_iam_policy_document" "public" {
#           statement {
#             actions   = ["s3:GetObject"]
#             resources = ["arn:aws:s3:::corp-data/*"]
#             principals {
#               type        = "AWS"
#               identifiers = ["*"]
#             }
#           }
#         }
#
#         resource "aws_s3_bucket_policy" "data" {
#           bucket = "corp-data"
#           policy = data.aws_iam_policy_document.public.json
#         }
#     pass:
#       - |
#         resource "aws_s3_bucket_policy" "data" {
#           bucket = "corp-data"
#           policy = jsonencode({
#             Version = "2012-10-17"
#             Statement = [{
#               Effect    = "Allow"
#               Principal = "*"
#               Action    = "s3:GetObject"
#               Resource  = "arn:aws:s3:::corp-data/*"
#               Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d" } }
#             }, {
#               Effect    = "Allow"
#               Principal = { AWS = "arn:aws:iam::123456789012:role/reader" }
#               Action    = "s3:GetObject"
#               Resource  = "arn:aws:s3:::corp-data/*"
#             }]
#           })
#         }
package rampart.aws.s3_bucket_policy_public_principal

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_s3_bucket_policy", "aws_s3_bucket"})
	some s in aws.allows(r)
	aws.public_principal(s)
	not s.conditioned
	result := {"msg": sprintf("%s has a policy statement that allows %v to any principal without a condition", [r.address, s.actions]), "resource": r.address, "attribute": "policy"}
}
