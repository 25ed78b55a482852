# METADATA
# title: "Bedrock model invocation logging is not configured"
# description: "The module uses Amazon Bedrock (agents, custom models, guardrails, provisioned throughput...) but declares no aws_bedrock_model_invocation_logging_configuration, or the one it declares delivers no data."
# custom:
#   id: aws-bedrock-invocation-logging-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: ["LLM10:2025", "LLM01:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Invocation logs are the only record of which prompts were sent to which model by whom; without them prompt injection, data leaks and abuse cannot be investigated."
#   remediation: "Add aws_bedrock_model_invocation_logging_configuration with text (and image/embedding) data delivery to CloudWatch Logs or S3."
#   references: ["https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html"]
#   examples:
#     fail:
#       - |
#         resource "aws_bedrockagent_agent" "support" {
#           agent_name              = "support"
#           agent_resource_role_arn = "arn:aws:iam::123456789012:role/bedrock-agent"
#           foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
#           instruction             = "Answer customer questions about orders using the order tools only."
#         }
#       - |
#         resource "aws_bedrock_model_invocation_logging_configuration" "main" {
#           logging_config {
#             text_data_delivery_enabled      = false
#             image_data_delivery_enabled     = false
#             embedding_data_delivery_enabled = false
#             s3_config {
#               bucket_name = "corp-bedrock-logs"
#             }
#           }
#         }
#     pass:
#       - |
#         resource "aws_bedrockagent_agent" "support" {
#           agent_name              = "support"
#           agent_resource_role_arn = "arn:aws:iam::123456789012:role/bedrock-agent"
#           foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
#           instruction             = "Answer customer questions about orders using the order tools only."
#         }
#
#         resource "aws_bedrock_model_invocation_logging_configuration" "main" {
#           logging_config {
#             text_data_delivery_enabled      = true
#             image_data_delivery_enabled     = true
#             embedding_data_delivery_enabled = true
#             cloudwatch_config {
#               log_group_name = "/bedrock/invocations"
#               role_arn       = "arn:aws:iam::123456789012:role/bedrock-logging"
#             }
#           }
#         }
package rampart.aws.bedrock_invocation_logging_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in input.resources
	cc.oget(r, "mode", "managed") != "data"
	bedrock_type(r.type)
	r.type != "aws_bedrock_model_invocation_logging_configuration"
	cc.size(cc.resources({"aws_bedrock_model_invocation_logging_configuration"})) == 0
	result := {"msg": sprintf("%s uses Bedrock but model invocation logging is not configured in this module", [r.address]), "resource": r.address}
}

deny contains result if {
	some r in cc.resources({"aws_bedrock_model_invocation_logging_configuration"})
	some c in cc.arr(cc.oget(r.values, "logging_config", []))
	every f in ["text_data_delivery_enabled", "image_data_delivery_enabled", "embedding_data_delivery_enabled"] {
		cc.oget(c, f, true) == false
	}
	result := {"msg": sprintf("%s delivers no invocation data", [r.address]), "resource": r.address, "attribute": "logging_config.0.text_data_delivery_enabled"}
}

bedrock_type(t) if cc.starts(t, "aws_bedrock_")

bedrock_type(t) if cc.starts(t, "aws_bedrockagent_")
