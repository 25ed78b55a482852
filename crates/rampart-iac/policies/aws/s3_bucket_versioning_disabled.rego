# METADATA
# title: "S3 bucket versioning is not enabled"
# description: "Neither an inline versioning block nor a separate aws_s3_bucket_versioning resource enables versioning for the bucket."
# custom:
#   id: aws-s3-bucket-versioning-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [693]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.3.1"]
#   rationale: "Without versioning an overwrite or delete (by mistake or by ransomware) destroys the only copy of an object."
#   remediation: "Add an aws_s3_bucket_versioning resource with versioning_configuration status \"Enabled\"."
#   references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html"]
#   aliases:
#     checkov: [CKV_AWS_21]
#     trivy: [AVD-AWS-0090]
#     tfsec: [aws-s3-enable-versioning]
#   examples:
#     fail:
#       - |
#         resource "aws_s3_bucket" "data" {
#           bucket = "corp-data"
#         }
#       - |
#         resource "aws_s3_bucket" "data" {
#           bucket = "corp-data"
#         }
#
#         resource "aws_s3_bucket_versioning" "data" {
#           bucket = aws_s3_bucket.data.id
#           versioning_configuration {
#             status = "Suspended"
#           }
#         }
#     pass:
#       - |
#         resource "aws_s3_bucket" "data" {
#           bucket = "corp-data"
#         }
#
#         resource "aws_s3_bucket_versioning" "data" {
#           bucket = aws_s3_bucket.data.id
#           versioning_configuration {
#             status = "Enabled"
#           }
#         }
#       - |
#         resource "aws_s3_bucket" "data" {
#           bucket = "corp-data"
#           versioning {
#             enabled = true
#           }
#         }
package rampart.aws.s3_bucket_versioning_disabled

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some b in cc.resources({"aws_s3_bucket"})
	not inline_enabled(b)
	not separate_enabled(b)
	not suspended_separately(b)
	result := {"msg": sprintf("S3 bucket %s does not enable versioning", [b.address]), "resource": b.address}
}

deny contains result if {
	some v in cc.resources({"aws_s3_bucket_versioning"})
	s := cc.get(v.values, ["versioning_configuration", 0, "status"])
	cc.differs(s, "Enabled", true)
	result := {"msg": sprintf("%s sets versioning status %v instead of Enabled", [v.address, s]), "resource": v.address, "attribute": "versioning_configuration.0.status"}
}

inline_enabled(b) if {
	some v in cc.arr(cc.oget(b.values, "versioning", []))
	v.enabled != false
}

separate_enabled(b) if {
	some v in aws.attached(b, "aws_s3_bucket_versioning")
	not cc.differs(cc.get(v.values, ["versioning_configuration", 0, "status"]), "Enabled", true)
}

# reported on the versioning resource itself
suspended_separately(b) if cc.size(aws.attached(b, "aws_s3_bucket_versioning")) > 0
