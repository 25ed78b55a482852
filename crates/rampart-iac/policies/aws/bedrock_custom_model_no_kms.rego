# METADATA
# title: "Bedrock custom model is not encrypted with a customer managed key"
# description: "The model customization (fine-tuning) job sets no custom_model_kms_key_id."
# custom:
#   id: aws-bedrock-custom-model-no-kms
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025", "LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "A fine-tuned model embeds its training data; with an AWS owned key you cannot restrict or audit who uses the resulting weights."
#   remediation: "Set custom_model_kms_key_id to a customer managed key."
#   references: ["https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-custom-job.html"]
#   examples:
#     fail:
#       - |
#         resource "aws_bedrock_custom_model" "tuned" {
#           custom_model_name     = "support-tuned"
#           job_name              = "support-tuning-1"
#           base_model_identifier = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"
#           role_arn              = "arn:aws:iam::123456789012:role/bedrock-customization"
#           hyperparameters = {
#             epochCount = "2"
#           }
#           output_data_config {
#             s3_uri = "s3://corp-ml-models/bedrock/"
#           }
#           training_data_config {
#             s3_uri = "s3://corp-ml-datasets/support/train.jsonl"
#           }
#
#         }
#     pass:
#       - |
#         resource "aws_bedrock_custom_model" "tuned" {
#           custom_model_name     = "support-tuned"
#           job_name              = "support-tuning-1"
#           base_model_identifier = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"
#           role_arn              = "arn:aws:iam::123456789012:role/bedrock-customization"
#           hyperparameters = {
#             epochCount = "2"
#           }
#           output_data_config {
#             s3_uri = "s3://corp-ml-models/bedrock/"
#           }
#           training_data_config {
#             s3_uri = "s3://corp-ml-datasets/support/train.jsonl"
#           }
#           custom_model_kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#           vpc_config {
#             subnet_ids         = ["subnet-0a"]
#             security_group_ids = ["sg-0123456789abcdef0"]
#           }
#         }
package rampart.aws.bedrock_custom_model_no_kms

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_bedrock_custom_model"})
	cc.blank(cc.get(r.values, ["custom_model_kms_key_id"]))
	result := {"msg": sprintf("%s does not encrypt the custom model with a customer managed key", [r.address]), "resource": r.address, "attribute": "custom_model_kms_key_id"}
}
