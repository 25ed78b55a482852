# METADATA
# title: "Lambda function has no dead-letter queue"
# description: "No dead_letter_config target is set, so failed asynchronous invocations are dropped after retries."
# custom:
#   id: aws-lambda-no-dead-letter-queue
#   severity: low
#   kinds: [terraform]
#   cwe: [755]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Dropped events are lost silently; a DLQ keeps them for inspection and replay."
#   remediation: "Add dead_letter_config { target_arn = <SQS queue or SNS topic> } (or an on-failure destination)."
#   references: ["https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html"]
#   aliases:
#     checkov: [CKV_AWS_116]
#   examples:
#     fail:
#       - |
#         resource "aws_lambda_function" "api" {
#           function_name = "api"
#           role          = "arn:aws:iam::123456789012:role/api"
#           handler       = "main.handler"
#           runtime       = "python3.12"
#           filename      = "api.zip"
#
#         }
#     pass:
#       - |
#         resource "aws_lambda_function" "api" {
#           function_name = "api"
#           role          = "arn:aws:iam::123456789012:role/api"
#           handler       = "main.handler"
#           runtime       = "python3.12"
#           filename      = "api.zip"
#           dead_letter_config {
#             target_arn = "arn:aws:sqs:eu-west-1:123456789012:api-dlq"
#           }
#         }
package rampart.aws.lambda_no_dead_letter_queue

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_lambda_function"})
	cc.blank(cc.get(r.values, ["dead_letter_config", 0, "target_arn"]))
	result := {"msg": sprintf("%s has no dead-letter queue", [r.address]), "resource": r.address, "attribute": "dead_letter_config.0.target_arn"}
}
