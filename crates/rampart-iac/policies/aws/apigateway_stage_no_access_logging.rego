# METADATA
# title: "API Gateway stage has no access logging"
# description: "An aws_api_gateway_stage or aws_apigatewayv2_stage has no access_log_settings destination."
# custom:
#   id: aws-apigateway-stage-no-access-logging
#   severity: low
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Access logs record who called the API, from where and with which result."
#   remediation: "Add access_log_settings { destination_arn = <log group ARN>, format = ... }."
#   references: ["https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html"]
#   aliases:
#     checkov: [CKV_AWS_76]
#     trivy: [AVD-AWS-0001]
#     tfsec: [aws-apigateway-enable-access-logging]
#   examples:
#     fail:
#       - |
#         resource "aws_api_gateway_stage" "prod" {
#           stage_name    = "prod"
#           rest_api_id   = "a1b2c3"
#           deployment_id = "d1"
#         }
#     pass:
#       - |
#         resource "aws_api_gateway_stage" "prod" {
#           stage_name    = "prod"
#           rest_api_id   = "a1b2c3"
#           deployment_id = "d1"
#           access_log_settings {
#             destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api"
#             format          = "$context.requestId $context.identity.sourceIp $context.status"
#           }
#         }
package rampart.aws.apigateway_stage_no_access_logging

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_api_gateway_stage", "aws_apigatewayv2_stage"})
	cc.blank(cc.get(r.values, ["access_log_settings", 0, "destination_arn"]))
	result := {"msg": sprintf("%s has no access logging", [r.address]), "resource": r.address, "attribute": "access_log_settings.0.destination_arn"}
}
