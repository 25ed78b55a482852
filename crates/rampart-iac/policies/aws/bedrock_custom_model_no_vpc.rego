# METADATA
# title: "Bedrock customization job does not run in your VPC"
# description: "The custom model has no vpc_config, so the job reads training data over a network path you do not control."
# custom:
#   id: aws-bedrock-custom-model-no-vpc
#   severity: low
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A05:2021"]
#   owasp_llm: ["LLM04:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "A VPC configuration lets S3 VPC endpoint policies and security groups confine the job's access to training data."
#   remediation: "Add vpc_config { subnet_ids, security_group_ids } and an S3 gateway endpoint."
#   references: ["https://docs.aws.amazon.com/bedrock/latest/userguide/custom-model-job-access-security.html"]
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
#           custom_model_kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
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
package rampart.aws.bedrock_custom_model_no_vpc

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_bedrock_custom_model"})
	cc.blank(cc.get(r.values, ["vpc_config"]))
	result := {"msg": sprintf("%s runs its customization job outside your VPC", [r.address]), "resource": r.address, "attribute": "vpc_config"}
}
