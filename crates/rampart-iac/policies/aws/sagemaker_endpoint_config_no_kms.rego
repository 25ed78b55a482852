# METADATA
# title: "SageMaker endpoint configuration has no KMS key"
# description: "The endpoint configuration sets no kms_key_arn for the storage volumes attached to the hosting instances."
# custom:
#   id: aws-sagemaker-endpoint-config-no-kms
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Inference instances store the model and may cache request payloads; without a customer managed key you cannot control or audit their decryption."
#   remediation: "Set kms_key_arn to a customer managed key."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html"]
#   aliases:
#     checkov: [CKV_AWS_98]
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
#
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
#         }
package rampart.aws.sagemaker_endpoint_config_no_kms

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sagemaker_endpoint_configuration"})
	cc.blank(cc.get(r.values, ["kms_key_arn"]))
	result := {"msg": sprintf("%s does not encrypt endpoint storage with a KMS key", [r.address]), "resource": r.address, "attribute": "kms_key_arn"}
}
