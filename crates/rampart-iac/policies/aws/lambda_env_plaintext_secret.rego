# METADATA
# title: "Lambda function has a secret in its environment variables"
# description: "environment.variables has a variable named like a password, token or key with a literal value."
# custom:
#   id: aws-lambda-env-plaintext-secret
#   severity: high
#   kinds: [terraform]
#   cwe: [798, 312]
#   owasp: ["A02:2021", "A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Lambda environment values are readable by anyone with lambda:GetFunctionConfiguration and live in Terraform state and source control."
#   remediation: "Store the secret in Secrets Manager or SSM Parameter Store and read it at runtime (or via the parameters and secrets extension)."
#   references: ["https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption"]
#   aliases:
#     checkov: [CKV_AWS_45]
#   examples:
#     fail:
#       - |
#         resource "aws_lambda_function" "api" {
#           function_name = "api"
#           role          = "arn:aws:iam::123456789012:role/api"
#           handler       = "main.handler"
#           runtime       = "python3.12"
#           filename      = "api.zip"
#           environment {
#             variables = {
#               OPENAI_API_KEY = "sk-live-0123456789abcdef"
#             }
#           }
#         }
#     pass:
#       - |
#         resource "aws_lambda_function" "api" {
#           function_name = "api"
#           role          = "arn:aws:iam::123456789012:role/api"
#           handler       = "main.handler"
#           runtime       = "python3.12"
#           filename      = "api.zip"
#           environment {
#             variables = {
#               OPENAI_API_KEY_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:openai"
#               LOG_LEVEL                 = "info"
#             }
#           }
#         }
package rampart.aws.lambda_env_plaintext_secret

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_lambda_function"})
	some i, e in cc.arr(cc.oget(r.values, "environment", []))
	vars := cc.oget(e, "variables", {})
	is_object(vars)
	some k, v in vars
	cc.secret_name(k)
	cc.literal(v)
	result := {"msg": sprintf("%s puts %s in a plain environment variable", [r.address, k]), "resource": r.address, "attribute": sprintf("environment.%d.variables.%s", [i, k])}
}
