# METADATA
# title: "SageMaker notebook instance has direct internet access (CloudFormation)"
# description: "An AWS::SageMaker::NotebookInstance leaves DirectInternetAccess at Enabled (the default)."
# custom:
#   id: cfn-sagemaker-notebook-direct-internet-access
#   severity: high
#   kinds: [cloudformation]
#   cwe: [284, 200]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Notebooks hold training data, models and credentials; direct internet access lets data leave and untrusted code and models come in unchecked."
#   remediation: "Set DirectInternetAccess: Disabled with a SubnetId routed through your controls."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html"]
#   examples:
#     fail:
#       - |
#         Resources:
#           Notebook:
#             Type: AWS::SageMaker::NotebookInstance
#             Properties:
#               InstanceType: ml.t3.medium
#               RoleArn: !GetAtt NotebookRole.Arn
#               RootAccess: Disabled
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
package rampart.cloudformation.sagemaker_notebook_direct_internet_access

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::SageMaker::NotebookInstance"})
	v := cc.oget(r.values, "DirectInternetAccess", "Enabled")
	not cc.unknown(v)
	v != "Disabled"
	result := {"msg": sprintf("%s has direct internet access", [r.address]), "resource": r.address, "attribute": "DirectInternetAccess"}
}
