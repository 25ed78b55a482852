# METADATA
# title: "SageMaker model container is not network-isolated (CloudFormation)"
# description: "An AWS::SageMaker::Model does not set EnableNetworkIsolation to true."
# custom:
#   id: cfn-sagemaker-model-no-network-isolation
#   severity: medium
#   kinds: [cloudformation]
#   cwe: [284, 200]
#   owasp: ["A05:2021"]
#   owasp_llm: ["LLM03:2025", "LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "A third-party or poisoned model container with network access can exfiltrate data or fetch payloads."
#   remediation: "Set EnableNetworkIsolation: true."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html"]
#   aliases:
#     checkov: [CKV_AWS_370]
#   examples:
#     fail:
#       - |
#         Resources:
#           LlmModel:
#             Type: AWS::SageMaker::Model
#             Properties:
#               ExecutionRoleArn: !GetAtt InferenceRole.Arn
#               PrimaryContainer:
#                 Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/llm-serving:1.4"
#                 ModelDataUrl: s3://corp-ml-models/llm-v3/model.tar.gz
#     pass:
#       - |
#         Resources:
#           LlmModel:
#             Type: AWS::SageMaker::Model
#             Properties:
#               ExecutionRoleArn: !GetAtt InferenceRole.Arn
#               EnableNetworkIsolation: true
#               PrimaryContainer:
#                 Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/llm-serving:1.4"
#                 ModelDataUrl: s3://corp-ml-models/llm-v3/model.tar.gz
package rampart.cloudformation.sagemaker_model_no_network_isolation

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::SageMaker::Model"})
	v := cc.get(r.values, ["EnableNetworkIsolation"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not isolate its container from the network", [r.address]), "resource": r.address, "attribute": "EnableNetworkIsolation"}
}
