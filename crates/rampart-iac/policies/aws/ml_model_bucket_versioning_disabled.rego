# METADATA
# title: "Model bucket does not keep versions"
# description: "An S3 bucket that holds models or training data does not enable versioning."
# custom:
#   id: aws-ml-model-bucket-versioning-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [494, 345]
#   owasp: ["A08:2021"]
#   owasp_llm: ["LLM03:2025", "LLM04:2025"]
#   ssdf: ["PS.3.1"]
#   rationale: "Without versions a tampered or poisoned model overwrites the good one with no way to compare or roll back."
#   remediation: "Add aws_s3_bucket_versioning with status \"Enabled\" (and consider S3 Object Lock for released models)."
#   references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html", "https://genai.owasp.org/llmrisk/llm042025-data-and-model-poisoning/"]
#   examples:
#     fail:
#       - |
#         resource "aws_s3_bucket" "models" {
#           bucket = "corp-ml-models"
#         }
#     pass:
#       - |
#         resource "aws_s3_bucket" "models" {
#           bucket = "corp-ml-models"
#         }
#
#         resource "aws_s3_bucket_versioning" "models" {
#           bucket = aws_s3_bucket.models.id
#           versioning_configuration {
#             status = "Enabled"
#           }
#         }
package rampart.aws.ml_model_bucket_versioning_disabled

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some b in cc.resources({"aws_s3_bucket"})
	aws.model_bucket(b)
	not versioned(b)
	result := {"msg": sprintf("%s holds models or training data without versioning", [b.address]), "resource": b.address}
}

versioned(b) if {
	some v in aws.attached(b, "aws_s3_bucket_versioning")
	cc.is_or_unknown(cc.get(v.values, ["versioning_configuration", 0, "status"]), "Enabled")
}

versioned(b) if {
	some v in cc.arr(cc.oget(b.values, "versioning", []))
	cc.is_or_unknown(cc.oget(v, "enabled", false), true)
}
