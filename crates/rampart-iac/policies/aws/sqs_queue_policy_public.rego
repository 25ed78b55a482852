# METADATA
# title: "SQS queue policy allows any principal"
# description: "A queue policy allows actions to Principal \"*\" without a condition."
# custom:
#   id: aws-sqs-queue-policy-public
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Anyone could read, delete or inject messages into the queue."
#   remediation: "Name the principals, or restrict the wildcard with aws:SourceArn / aws:SourceAccount conditions."
#   references: ["https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html"]
#   aliases:
#     checkov: [CKV_AWS_168]
#   examples:
#     fail:
#       - |
#         resource "aws_sqs_queue_policy" "jobs" {
#           queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "arn:aws:sqs:eu-west-1:123456789012:jobs" }]
#           })
#         }
#     pass:
#       - |
#         resource "aws_sqs_queue_policy" "jobs" {
#           queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Principal = { Service = "sns.amazonaws.com" }, Action = "sqs:SendMessage", Resource = "arn:aws:sqs:eu-west-1:123456789012:jobs", Condition = { ArnEquals = { "aws:SourceArn" = "arn:aws:sns:eu-west-1:123456789012:events" } } }]
#           })
#         }
package rampart.aws.sqs_queue_policy_public

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sqs_queue_policy", "aws_sqs_queue"})
	some s in aws.allows(r)
	aws.public_principal(s)
	not s.conditioned
	result := {"msg": sprintf("%s lets any principal use the queue", [r.address]), "resource": r.address, "attribute": "policy"}
}
