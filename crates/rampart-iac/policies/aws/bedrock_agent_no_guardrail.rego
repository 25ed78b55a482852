# METADATA
# title: "Bedrock agent has no guardrail"
# description: "The agent has no guardrail_configuration, so prompts and responses are not filtered for harmful content, prompt attacks or sensitive data."
# custom:
#   id: aws-bedrock-agent-no-guardrail
#   severity: medium
#   kinds: [terraform]
#   cwe: [20]
#   owasp: ["A04:2021"]
#   owasp_llm: ["LLM01:2025", "LLM02:2025"]
#   ssdf: ["PW.1.1"]
#   rationale: "Guardrails are the managed control against prompt injection, denied topics and personal data in responses."
#   remediation: "Create an aws_bedrock_guardrail (with prompt-attack and PII filters) and reference it in guardrail_configuration."
#   references: ["https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails.html"]
#   aliases:
#     checkov: [CKV_AWS_383]
#   examples:
#     fail:
#       - |
#         resource "aws_bedrockagent_agent" "support" {
#           agent_name              = "support"
#           agent_resource_role_arn = "arn:aws:iam::123456789012:role/bedrock-agent"
#           foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
#           instruction             = "Answer customer questions about orders using the order tools only."
#
#         }
#     pass:
#       - |
#         resource "aws_bedrockagent_agent" "support" {
#           agent_name              = "support"
#           agent_resource_role_arn = "arn:aws:iam::123456789012:role/bedrock-agent"
#           foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
#           instruction             = "Answer customer questions about orders using the order tools only."
#           guardrail_configuration {
#             guardrail_identifier = "gr-0123456789"
#             guardrail_version    = "1"
#           }
#         }
package rampart.aws.bedrock_agent_no_guardrail

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_bedrockagent_agent"})
	cc.blank(cc.get(r.values, ["guardrail_configuration"]))
	result := {"msg": sprintf("%s has no guardrail", [r.address]), "resource": r.address, "attribute": "guardrail_configuration"}
}
