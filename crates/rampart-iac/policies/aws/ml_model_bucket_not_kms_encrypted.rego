# METADATA
# title: "Model or training-data bucket is not encrypted with KMS"
# description: "An S3 bucket that holds models or training data has no default encryption with a KMS key."
# custom:
#   id: aws-ml-model-bucket-not-kms-encrypted
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Model weights and datasets are high-value assets; SSE-KMS adds an auditable key policy on top of bucket access."
#   remediation: "Add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm \"aws:kms\" and a customer managed key."
#   references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html"]
#   examples:
#     fail:
#       - |
#         resource "aws_s3_bucket" "datasets" {
#           bucket = "corp-training-data"
#           tags = {
#             purpose = "dataset"
#           }
#         }
#     pass:
#       - |
#         resource "aws_s3_bucket" "datasets" {
#           bucket = "corp-training-data"
#         }
#
#         resource "aws_s3_bucket_server_side_encryption_configuration" "datasets" {
#           bucket = aws_s3_bucket.datasets.id
#           rule {
#             apply_server_side_encryption_by_default {
#               sse_algorithm     = "aws:kms"
#               kms_master_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#             }
#           }
#         }
package rampart.aws.ml_model_bucket_not_kms_encrypted

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some b in cc.resources({"aws_s3_bucket"})
	aws.model_bucket(b)
	not kms_encrypted(b)
	result := {"msg": sprintf("%s holds models or training data without KMS default encryption", [b.address]), "resource": b.address}
}

kms_encrypted(b) if {
	some e in aws.attached(b, "aws_s3_bucket_server_side_encryption_configuration")
	some rule in cc.arr(cc.oget(e.values, "rule", []))
	some d in cc.arr(cc.oget(rule, "apply_server_side_encryption_by_default", []))
	cc.starts(cc.oget(d, "sse_algorithm", ""), "aws:kms")
}

kms_encrypted(b) if {
	some c in cc.arr(cc.oget(b.values, "server_side_encryption_configuration", []))
	some rule in cc.arr(cc.oget(c, "rule", []))
	some d in cc.arr(cc.oget(rule, "apply_server_side_encryption_by_default", []))
	cc.starts(cc.oget(d, "sse_algorithm", ""), "aws:kms")
}
