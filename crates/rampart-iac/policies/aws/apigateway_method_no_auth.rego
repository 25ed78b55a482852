# METADATA
# title: "API Gateway method has no authorization"
# description: "An aws_api_gateway_method sets authorization = \"NONE\" without requiring an API key."
# custom:
#   id: aws-apigateway-method-no-auth
#   severity: medium
#   kinds: [terraform]
#   cwe: [306]
#   owasp: ["A01:2021", "A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Unauthenticated methods expose their backend (often a Lambda function or model endpoint) to anyone on the internet."
#   remediation: "Use an IAM, Cognito or Lambda authorizer, or at least api_key_required = true; keep NONE only for OPTIONS preflight."
#   references: ["https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html"]
#   aliases:
#     checkov: [CKV_AWS_59]
#     trivy: [AVD-AWS-0004]
#     tfsec: [aws-apigateway-no-public-access]
#   examples:
#     fail:
#       - |
#         resource "aws_api_gateway_method" "post" {
#           rest_api_id   = "a1b2c3"
#           resource_id   = "r1"
#           http_method   = "POST"
#           authorization = "NONE"
#         }
#     pass:
#       - |
#         resource "aws_api_gateway_method" "post" {
#           rest_api_id   = "a1b2c3"
#           resource_id   = "r1"
#           http_method   = "POST"
#           authorization = "AWS_IAM"
#         }
#       - |
#         resource "aws_api_gateway_method" "options" {
#           rest_api_id   = "a1b2c3"
#           resource_id   = "r1"
#           http_method   = "OPTIONS"
#           authorization = "NONE"
#         }
package rampart.aws.apigateway_method_no_auth

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_api_gateway_method"})
	cc.oget(r.values, "authorization", "") == "NONE"
	not cc.is_or_unknown(cc.oget(r.values, "http_method", ""), "OPTIONS")
	not cc.is_or_unknown(cc.oget(r.values, "api_key_required", false), true)
	result := {"msg": sprintf("%s allows %v requests without authorization", [r.address, cc.oget(r.values, "http_method", "?")]), "resource": r.address, "attribute": "authorization"}
}
