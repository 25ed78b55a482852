# METADATA
# title: "Lambda permission lets any principal invoke the function"
# description: "An aws_lambda_permission grants invocation to principal \"*\" without source_arn or source_account."
# custom:
#   id: aws-lambda-permission-public
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A wildcard principal makes the function callable by every AWS account."
#   remediation: "Grant the specific service or account principal and set source_arn (and source_account for S3)."
#   references: ["https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html"]
#   aliases:
#     checkov: [CKV_AWS_301]
#   examples:
#     fail:
#       - |
#         resource "aws_lambda_permission" "any" {
#           statement_id  = "any"
#           action        = "lambda:InvokeFunction"
#           function_name = "api"
#           principal     = "*"
#         }
#     pass:
#       - |
#         resource "aws_lambda_permission" "apigw" {
#           statement_id  = "apigw"
#           action        = "lambda:InvokeFunction"
#           function_name = "api"
#           principal     = "apigateway.amazonaws.com"
#           source_arn    = "arn:aws:execute-api:eu-west-1:123456789012:abc123/*"
#         }
package rampart.aws.lambda_permission_public

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_lambda_permission"})
	cc.oget(r.values, "principal", "") == "*"
	cc.blank(cc.get(r.values, ["source_arn"]))
	cc.blank(cc.get(r.values, ["source_account"]))
	cc.blank(cc.get(r.values, ["principal_org_id"]))
	result := {"msg": sprintf("%s lets any principal invoke the function", [r.address]), "resource": r.address, "attribute": "principal"}
}
