# METADATA
# title: "SageMaker notebook instance has no KMS key (CloudFormation)"
# description: "An AWS::SageMaker::NotebookInstance has no KmsKeyId for its ML storage volume."
# custom:
#   id: cfn-sagemaker-notebook-no-kms
#   severity: medium
#   kinds: [cloudformation]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Notebook volumes accumulate datasets, checkpoints and credentials."
#   remediation: "Set KmsKeyId to a customer managed key."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html"]
#   aliases:
#     checkov: [CKV_AWS_187]
#   examples:
#     fail:
#       - |
#         Resources:
#           Notebook:
#             Type: AWS::SageMaker::NotebookInstance
#             Properties:
#               InstanceType: ml.t3.medium
#               RoleArn: !GetAtt NotebookRole.Arn
#               DirectInternetAccess: Disabled
#     pass:
#       - |
#         Resources:
#           Notebook:
#             Type: AWS::SageMaker::NotebookInstance
#             Properties:
#               InstanceType: ml.t3.medium
#               RoleArn: !GetAtt NotebookRole.Arn
#               DirectInternetAccess: Disabled
#               RootAccess: Disabled
#               KmsKeyId: !Ref MlKey
#               SubnetId: !Ref PrivateSubnet
#               SecurityGroupIds: [!Ref NotebookSG]
package rampart.cloudformation.sagemaker_notebook_no_kms

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::SageMaker::NotebookInstance"})
	cc.blank(cc.get(r.values, ["KmsKeyId"]))
	result := {"msg": sprintf("%s does not encrypt its storage with a customer managed key", [r.address]), "resource": r.address, "attribute": "KmsKeyId"}
}
