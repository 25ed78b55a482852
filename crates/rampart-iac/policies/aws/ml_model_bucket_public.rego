# METADATA
# title: "Model or training-data bucket can be made public"
# description: "An S3 bucket that holds models or training data (named or tagged model/ml/artifact/dataset, or used by a SageMaker model or Bedrock customization job) has no public access block with every setting on, or has a public ACL."
# custom:
#   id: aws-ml-model-bucket-public
#   severity: high
#   kinds: [terraform]
#   cwe: [284, 494]
#   owasp: ["A01:2021", "A08:2021"]
#   owasp_llm: ["LLM03:2025", "LLM04:2025"]
#   ssdf: ["PS.1.1", "PW.9.1"]
#   rationale: "Public model buckets leak proprietary weights and training data, and if writable let anyone replace a model that will be loaded and executed (pickle-based formats run code on load)."
#   remediation: "Add an aws_s3_bucket_public_access_block with all four settings true, keep ACLs private, and grant access only to the training and inference roles."
#   references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html", "https://genai.owasp.org/llmrisk/llm032025-supply-chain/"]
#   examples:
#     fail:
#       - |
#         resource "aws_s3_bucket" "models" {
#           bucket = "corp-ml-models"
#         }
#       - |
#         resource "aws_s3_bucket" "store" {
#           bucket = "corp-store-7"
#         }
#
#         resource "aws_s3_bucket_acl" "store" {
#           bucket = aws_s3_bucket.store.id
#           acl    = "public-read"
#         }
#
#         resource "aws_sagemaker_model" "llm" {
#           name               = "llm"
#           execution_role_arn = "arn:aws:iam::123456789012:role/sagemaker"
#           primary_container {
#             image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/serve:1"
#             model_data_url = "s3://corp-store-7/llm/model.tar.gz"
#           }
#         }
#     pass:
#       - |
#         resource "aws_s3_bucket" "models" {
#           bucket = "corp-ml-models"
#         }
#
#         resource "aws_s3_bucket_public_access_block" "models" {
#           bucket                  = aws_s3_bucket.models.id
#           block_public_acls       = true
#           block_public_policy     = true
#           ignore_public_acls      = true
#           restrict_public_buckets = true
#         }
#       - |
#         resource "aws_s3_bucket" "site" {
#           bucket = "corp-html-site"
#         }
package rampart.aws.ml_model_bucket_public

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some b in cc.resources({"aws_s3_bucket"})
	aws.model_bucket(b)
	not aws.bucket_blocks_public(b)
	result := {"msg": sprintf("%s holds models or training data but public access is not fully blocked", [b.address]), "resource": b.address}
}
