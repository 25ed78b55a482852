# METADATA
# title: "S3 bucket ACL grants public access"
# description: "The bucket's canned ACL lets everyone on the internet (or every AWS account) read or write it, and no public access block on the bucket neutralises the ACL."
# custom:
#   id: aws-s3-bucket-public-acl
#   severity: high
#   kinds: [terraform]
#   cwe: [284, 732]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Public bucket ACLs are the oldest and still one of the most common causes of cloud data leaks."
#   remediation: "Set the ACL to private (or disable ACLs with BucketOwnerEnforced object ownership) and add an aws_s3_bucket_public_access_block with every flag true."
#   references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl", "https://cwe.mitre.org/data/definitions/284.html"]
#   aliases:
#     checkov: [CKV_AWS_20, CKV_AWS_57, CKV2_AWS_43]
#     trivy: [AVD-AWS-0092]
#     tfsec: [aws-s3-no-public-access-with-acl]
#   examples:
#     fail:
#       - |
#         resource "aws_s3_bucket" "data" {
#           bucket = "corp-data"
#         }
#
#         resource "aws_s3_bucket_acl" "data" {
#           bucket = aws_s3_bucket.data.id
#           acl    = "public-read"
#         }
#       - |
#         resource "aws_s3_bucket" "legacy" {
#           bucket = "legacy-site"
#           acl    = "public-read-write"
#         }
#     pass:
#       - |
#         resource "aws_s3_bucket_acl" "data" {
#           bucket = "corp-data"
#           acl    = "private"
#         }
#       - |
#         resource "aws_s3_bucket" "site" {
#           bucket = "corp-site"
#         }
#
#         resource "aws_s3_bucket_acl" "site" {
#           bucket = aws_s3_bucket.site.id
#           acl    = "public-read"
#         }
#
#         resource "aws_s3_bucket_public_access_block" "site" {
#           bucket                  = aws_s3_bucket.site.id
#           block_public_acls       = true
#           block_public_policy     = true
#           ignore_public_acls      = true
#           restrict_public_buckets = true
#         }
package rampart.aws.s3_bucket_public_acl

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

public_acls := {"public-read", "public-read-write", "authenticated-read"}

deny contains result if {
	some a in cc.resources({"aws_s3_bucket_acl"})
	a.values.acl in public_acls
	not blocked(a)
	result := {"msg": sprintf("S3 bucket ACL %q on %s grants access beyond the owner", [a.values.acl, a.address]), "resource": a.address, "attribute": "acl"}
}

deny contains result if {
	some b in cc.resources({"aws_s3_bucket"})
	b.values.acl in public_acls
	not aws.bucket_blocks_public(b)
	result := {"msg": sprintf("S3 bucket %s has the public canned ACL %q", [b.address, b.values.acl]), "resource": b.address, "attribute": "acl"}
}

# the ACL's bucket has a public access block that ignores public ACLs
blocked(a) if {
	some b in cc.resources({"aws_s3_bucket"})
	aws.targets(a, b)
	aws.bucket_blocks_public(b)
}

blocked(_) if aws.account_blocks_public
