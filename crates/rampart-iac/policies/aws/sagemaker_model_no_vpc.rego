# METADATA
# title: "SageMaker model runs outside your VPC"
# description: "The model has no vpc_config, so its containers run in a SageMaker-managed network outside your security groups."
# custom:
#   id: aws-sagemaker-model-no-vpc
#   severity: low
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A VPC configuration lets security groups and VPC endpoint policies restrict what inference containers reach."
#   remediation: "Add vpc_config { subnets, security_group_ids }."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/host-vpc.html"]
#   examples:
#     fail:
#       - |
#         resource "aws_sagemaker_model" "llm" {
#           name               = "llm-v3"
#           execution_role_arn = "arn:aws:iam::123456789012:role/sagemaker-inference"
#           primary_container {
#             image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/llm-serving:1.4"
#             model_data_url = "s3://corp-ml-models/llm-v3/model.tar.gz"
#           }
#           enable_network_isolation = true
#         }
#     pass:
#       - |
#         resource "aws_sagemaker_model" "llm" {
#           name               = "llm-v3"
#           execution_role_arn = "arn:aws:iam::123456789012:role/sagemaker-inference"
#           primary_container {
#             image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/llm-serving:1.4"
#             model_data_url = "s3://corp-ml-models/llm-v3/model.tar.gz"
#           }
#           enable_network_isolation = true
#           vpc_config {
#             subnets            = ["subnet-0a"]
#             security_group_ids = ["sg-0123456789abcdef0"]
#           }
#         }
package rampart.aws.sagemaker_model_no_vpc

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sagemaker_model"})
	cc.blank(cc.get(r.values, ["vpc_config"]))
	result := {"msg": sprintf("%s has no VPC configuration", [r.address]), "resource": r.address, "attribute": "vpc_config"}
}
