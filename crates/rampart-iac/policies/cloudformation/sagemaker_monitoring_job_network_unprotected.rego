# METADATA
# title: "SageMaker monitoring job neither encrypts inter-container traffic nor isolates the network (CloudFormation)"
# description: "An AWS::SageMaker DataQuality, ModelQuality, ModelBias or ModelExplainability job definition does not set NetworkConfig.EnableInterContainerTrafficEncryption and EnableNetworkIsolation to true."
# custom:
#   id: cfn-sagemaker-monitoring-job-network-unprotected
#   severity: medium
#   kinds: [cloudformation]
#   cwe: [319, 284]
#   owasp: ["A02:2021", "A05:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Monitoring jobs process captured prompts and predictions; unencrypted inter-container traffic and unrestricted egress expose them."
#   remediation: "Set NetworkConfig: {EnableInterContainerTrafficEncryption: true, EnableNetworkIsolation: true}."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-sagemaker-dataqualityjobdefinition-networkconfig.html"]
#   aliases:
#     checkov: [CKV_AWS_369]
#   examples:
#     fail:
#       - |
#         Resources:
#           Monitor:
#             Type: AWS::SageMaker::DataQualityJobDefinition
#             Properties:
#               RoleArn: !GetAtt MonitorRole.Arn
#               DataQualityAppSpecification:
#                 ImageUri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/model-monitor:1
#               DataQualityJobInput:
#                 EndpointInput:
#                   EndpointName: llm
#                   LocalPath: /opt/ml/processing/input
#               DataQualityJobOutputConfig:
#                 MonitoringOutputs:
#                   - S3Output:
#                       S3Uri: s3://corp-ml-monitoring/llm
#                       LocalPath: /opt/ml/processing/output
#               JobResources:
#                 ClusterConfig:
#                   InstanceCount: 2
#                   InstanceType: ml.m5.large
#                   VolumeSizeInGB: 20
#     pass:
#       - |
#         Resources:
#           Monitor:
#             Type: AWS::SageMaker::ModelQualityJobDefinition
#             Properties:
#               RoleArn: !GetAtt MonitorRole.Arn
#               NetworkConfig:
#                 EnableInterContainerTrafficEncryption: true
#                 EnableNetworkIsolation: true
package rampart.cloudformation.sagemaker_monitoring_job_network_unprotected

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::SageMaker::DataQualityJobDefinition", "AWS::SageMaker::ModelQualityJobDefinition", "AWS::SageMaker::ModelBiasJobDefinition", "AWS::SageMaker::ModelExplainabilityJobDefinition"})
	some f in ["EnableInterContainerTrafficEncryption", "EnableNetworkIsolation"]
	v := cc.get(r.values, ["NetworkConfig", f])
	not cc.is_true(v)
	not cc.unknown(v)
	result := {"msg": sprintf("%s does not set NetworkConfig.%s", [r.address, f]), "resource": r.address, "attribute": sprintf("NetworkConfig.%s", [f])}
}
