# METADATA
# title: "SageMaker endpoint captures inference data without a KMS key"
# description: "data_capture_config is enabled but sets no kms_key_id, so captured prompts and predictions land in S3 without customer managed encryption."
# custom:
#   id: aws-sagemaker-endpoint-data-capture-unencrypted
#   severity: medium
#   kinds: [terraform]
#   cwe: [311, 532]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Captured requests and responses are often the most sensitive data an ML system handles (user prompts, personal data, model outputs)."
#   remediation: "Set data_capture_config.kms_key_id to a customer managed key and limit capture to what monitoring needs."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-capture.html"]
#   examples:
#     fail:
#       - |
#         resource "aws_sagemaker_endpoint_configuration" "llm" {
#           name = "llm"
#           production_variants {
#             variant_name           = "primary"
#             model_name             = "llm-v3"
#             instance_type          = "ml.g5.2xlarge"
#             initial_instance_count = 1
#           }
#           data_capture_config {
#             initial_sampling_percentage = 100
#             destination_s3_uri          = "s3://corp-ml-capture/llm"
#             capture_options {
#               capture_mode = "Input"
#             }
#             capture_options {
#               capture_mode = "Output"
#             }
#           }
#         }
#     pass:
#       - |
#         resource "aws_sagemaker_endpoint_configuration" "llm" {
#           name = "llm"
#           production_variants {
#             variant_name           = "primary"
#             model_name             = "llm-v3"
#             instance_type          = "ml.g5.2xlarge"
#             initial_instance_count = 1
#           }
#           kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#           data_capture_config {
#             initial_sampling_percentage = 10
#             destination_s3_uri          = "s3://corp-ml-capture/llm"
#             kms_key_id                  = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#             capture_options {
#               capture_mode = "Input"
#             }
#           }
#         }
package rampart.aws.sagemaker_endpoint_data_capture_unencrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sagemaker_endpoint_configuration"})
	some i, d in cc.arr(cc.oget(r.values, "data_capture_config", []))
	not cc.is_or_unknown(cc.oget(d, "enable_capture", true), false)
	cc.blank(cc.oget(d, "kms_key_id", null))
	result := {"msg": sprintf("%s captures inference data without a KMS key", [r.address]), "resource": r.address, "attribute": sprintf("data_capture_config.%d.kms_key_id", [i])}
}
