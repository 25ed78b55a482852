# METADATA
# title: "Lambda function has a secret in its environment variables (CloudFormation)"
# description: "Environment.Variables of an AWS::Lambda::Function or AWS::Serverless::Function has a variable named like a password, token or key with a literal value."
# custom:
#   id: cfn-lambda-env-plaintext-secret
#   severity: high
#   kinds: [cloudformation]
#   cwe: [798, 312]
#   owasp: ["A02:2021", "A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Environment values are readable with lambda:GetFunctionConfiguration and live in the template."
#   remediation: "Reference Secrets Manager or SSM SecureString at runtime instead."
#   references: ["https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html"]
#   aliases:
#     checkov: [CKV_AWS_45]
#   examples:
#     fail:
#       - |
#         Resources:
#           Api:
#             Type: AWS::Serverless::Function
#             Properties:
#               Handler: app.handler
#               Runtime: python3.12
#               CodeUri: src/
#               Environment:
#                 Variables:
#                   OPENAI_API_KEY: sk-live-0123456789abcdef
#     pass:
#       - |
#         Resources:
#           Api:
#             Type: AWS::Serverless::Function
#             Properties:
#               Handler: app.handler
#               Runtime: python3.12
#               CodeUri: src/
#               Environment:
#                 Variables:
#                   OPENAI_API_KEY_SECRET_ARN: !Ref OpenAiSecret
#                   LOG_LEVEL: info
package rampart.cloudformation.lambda_env_plaintext_secret

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::Lambda::Function", "AWS::Serverless::Function"})
	vars := cc.get(r.values, ["Environment", "Variables"])
	is_object(vars)
	some k, v in vars
	cc.secret_name(k)
	cc.literal(v)
	result := {"msg": sprintf("%s puts %s in a plain environment variable", [r.address, k]), "resource": r.address, "attribute": sprintf("Environment.Variables.%s", [k])}
}
