# METADATA
# title: "SageMaker endpoint configuration has no KMS key (CloudFormation)"
# description: "An AWS::SageMaker::EndpointConfig has no KmsKeyId for the hosting instances' storage volumes."
# custom:
#   id: cfn-sagemaker-endpoint-config-no-kms
#   severity: medium
#   kinds: [cloudformation]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Inference instances store the model and may cache payloads; a customer managed key controls their decryption."
#   remediation: "Set KmsKeyId to a customer managed key."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html"]
#   examples:
#     fail:
#       - |
#         Resources:
#           LlmConfig:
#             Type: AWS::SageMaker::EndpointConfig
#             Properties:
#               ProductionVariants:
#                 - VariantName: primary
#                   ModelName: !GetAtt LlmModel.ModelName
#                   InstanceType: ml.g5.2xlarge
#                   InitialInstanceCount: 1
#     pass:
#       - |
#         Resources:
#           LlmConfig:
#             Type: AWS::SageMaker::EndpointConfig
#             Properties:
#               KmsKeyId: !Ref MlKey
#               ProductionVariants:
#                 - VariantName: primary
#                   ModelName: !GetAtt LlmModel.ModelName
#                   InstanceType: ml.g5.2xlarge
#                   InitialInstanceCount: 1
package rampart.cloudformation.sagemaker_endpoint_config_no_kms

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::SageMaker::EndpointConfig"})
	cc.blank(cc.get(r.values, ["KmsKeyId"]))
	result := {"msg": sprintf("%s does not encrypt endpoint storage with a KMS key", [r.address]), "resource": r.address, "attribute": "KmsKeyId"}
}
