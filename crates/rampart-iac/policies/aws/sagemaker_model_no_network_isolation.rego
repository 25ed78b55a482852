# METADATA
# title: "SageMaker model container is not network-isolated"
# description: "enable_network_isolation is not true on the model, so the inference container can make outbound network calls."
# custom:
#   id: aws-sagemaker-model-no-network-isolation
#   severity: medium
#   kinds: [terraform]
#   cwe: [284, 200]
#   owasp: ["A05:2021"]
#   owasp_llm: ["LLM03:2025", "LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "A model container from a third party or a poisoned model artifact can exfiltrate data or fetch payloads when it has network access."
#   remediation: "Set enable_network_isolation = true (the container still receives model artifacts and requests from SageMaker)."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html"]
#   aliases:
#     checkov: [CKV_AWS_370]
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
#
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
package rampart.aws.sagemaker_model_no_network_isolation

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sagemaker_model"})
	v := cc.get(r.values, ["enable_network_isolation"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not isolate its container from the network", [r.address]), "resource": r.address, "attribute": "enable_network_isolation"}
}
