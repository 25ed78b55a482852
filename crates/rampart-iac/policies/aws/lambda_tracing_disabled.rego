# METADATA
# title: "Lambda function has X-Ray tracing off"
# description: "tracing_config.mode is not \"Active\"."
# custom:
#   id: aws-lambda-tracing-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Traces show which downstream services a function called, which helps investigate abuse and failures."
#   remediation: "Add tracing_config { mode = \"Active\" }."
#   references: ["https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html"]
#   aliases:
#     checkov: [CKV_AWS_50]
#     trivy: [AVD-AWS-0066]
#     tfsec: [aws-lambda-enable-tracing]
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
#           tracing_config {
#             mode = "Active"
#           }
#         }
package rampart.aws.lambda_tracing_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_lambda_function"})
	v := cc.get(r.values, ["tracing_config", 0, "mode"])
	cc.differs(v, "Active", true)
	result := {"msg": sprintf("%s does not trace requests with X-Ray", [r.address]), "resource": r.address, "attribute": "tracing_config.0.mode"}
}
