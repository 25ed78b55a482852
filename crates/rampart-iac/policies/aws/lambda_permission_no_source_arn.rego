# METADATA
# title: "Lambda permission for a service has no source ARN"
# description: "An aws_lambda_permission grants a service principal (e.g. s3.amazonaws.com, sns.amazonaws.com) invocation without source_arn."
# custom:
#   id: aws-lambda-permission-no-source-arn
#   severity: medium
#   kinds: [terraform]
#   cwe: [284, 441]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without source_arn, any resource of that service in any account can invoke the function (confused deputy)."
#   remediation: "Set source_arn to the bucket, topic, rule or API that should invoke the function."
#   references: ["https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html"]
#   aliases:
#     trivy: [AVD-AWS-0067]
#     tfsec: [aws-lambda-restrict-source-arn]
#   examples:
#     fail:
#       - |
#         resource "aws_lambda_permission" "s3" {
#           statement_id  = "s3"
#           action        = "lambda:InvokeFunction"
#           function_name = "api"
#           principal     = "s3.amazonaws.com"
#         }
#     pass:
#       - |
#         resource "aws_lambda_permission" "s3" {
#           statement_id   = "s3"
#           action         = "lambda:InvokeFunction"
#           function_name  = "api"
#           principal      = "s3.amazonaws.com"
#           source_arn     = "arn:aws:s3:::corp-uploads"
#           source_account = "123456789012"
#         }
package rampart.aws.lambda_permission_no_source_arn

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_lambda_permission"})
	p := cc.oget(r.values, "principal", "")
	cc.ends(p, ".amazonaws.com")
	cc.blank(cc.get(r.values, ["source_arn"]))
	result := {"msg": sprintf("%s lets %s invoke the function from any source", [r.address, p]), "resource": r.address, "attribute": "principal"}
}
