# METADATA
# title: "Lambda function URL has no authentication"
# description: "An aws_lambda_function_url sets authorization_type = \"NONE\": anyone with the URL can invoke the function."
# custom:
#   id: aws-lambda-function-url-no-auth
#   severity: high
#   kinds: [terraform]
#   cwe: [306]
#   owasp: ["A01:2021", "A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Unauthenticated function URLs are found by scanners and invoked at your cost, with whatever data and permissions the function has."
#   remediation: "Use authorization_type = \"AWS_IAM\" (signed requests), or put the function behind API Gateway with an authorizer."
#   references: ["https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"]
#   aliases:
#     checkov: [CKV_AWS_258]
#   examples:
#     fail:
#       - |
#         resource "aws_lambda_function_url" "api" {
#           function_name      = "api"
#           authorization_type = "NONE"
#         }
#     pass:
#       - |
#         resource "aws_lambda_function_url" "api" {
#           function_name      = "api"
#           authorization_type = "AWS_IAM"
#         }
package rampart.aws.lambda_function_url_no_auth

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_lambda_function_url"})
	v := cc.get(r.values, ["authorization_type"])
	v in {"NONE"}
	result := {"msg": sprintf("%s lets anyone invoke the function (authorization_type %v)", [r.address, v]), "resource": r.address, "attribute": "authorization_type"}
}
