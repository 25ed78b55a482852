# METADATA
# title: "SNS topic policy allows any principal"
# description: "A topic policy allows actions to Principal \"*\" without a condition."
# custom:
#   id: aws-sns-topic-policy-public
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Anyone could publish to or subscribe to the topic, injecting or receiving messages."
#   remediation: "Name the principals or restrict the wildcard with aws:SourceArn / aws:SourceOwner conditions."
#   references: ["https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html"]
#   aliases:
#     checkov: [CKV_AWS_169]
#   examples:
#     fail:
#       - |
#         resource "aws_sns_topic_policy" "events" {
#           arn = "arn:aws:sns:eu-west-1:123456789012:events"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = ["sns:Subscribe", "sns:Publish"], Resource = "arn:aws:sns:eu-west-1:123456789012:events" }]
#           })
#         }
#     pass:
#       - |
#         resource "aws_sns_topic_policy" "events" {
#           arn = "arn:aws:sns:eu-west-1:123456789012:events"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Principal = { Service = "cloudwatch.amazonaws.com" }, Action = "sns:Publish", Resource = "arn:aws:sns:eu-west-1:123456789012:events" }]
#           })
#         }
package rampart.aws.sns_topic_policy_public

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sns_topic_policy", "aws_sns_topic"})
	some s in aws.allows(r)
	aws.public_principal(s)
	not s.conditioned
	result := {"msg": sprintf("%s lets any principal use the topic", [r.address]), "resource": r.address, "attribute": "policy"}
}
