# METADATA
# title: "SageMaker notebook instance gives users root access (CloudFormation)"
# description: "An AWS::SageMaker::NotebookInstance leaves RootAccess at Enabled (the default)."
# custom:
#   id: cfn-sagemaker-notebook-root-access
#   severity: medium
#   kinds: [cloudformation]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Root lets notebook users, or code they run, change the instance and its controls freely."
#   remediation: "Set RootAccess: Disabled."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html"]
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
package rampart.cloudformation.sagemaker_notebook_root_access

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::SageMaker::NotebookInstance"})
	v := cc.oget(r.values, "RootAccess", "Enabled")
	not cc.unknown(v)
	v != "Disabled"
	result := {"msg": sprintf("%s gives notebook users root access", [r.address]), "resource": r.address, "attribute": "RootAccess"}
}
