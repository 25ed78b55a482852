# METADATA
# title: "Bedrock agent is not encrypted with a customer managed key"
# description: "The agent sets no customer_encryption_key_arn for its session and configuration data."
# custom:
#   id: aws-bedrock-agent-no-cmk
#   severity: low
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Agent sessions hold conversation content; a customer managed key puts decryption under your key policy."
#   remediation: "Set customer_encryption_key_arn."
#   references: ["https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-agents.html"]
#   aliases:
#     checkov: [CKV_AWS_373]
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
#           customer_encryption_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#         }
package rampart.aws.bedrock_agent_no_cmk

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_bedrockagent_agent"})
	cc.blank(cc.get(r.values, ["customer_encryption_key_arn"]))
	result := {"msg": sprintf("%s is not encrypted with a customer managed key", [r.address]), "resource": r.address, "attribute": "customer_encryption_key_arn"}
}
