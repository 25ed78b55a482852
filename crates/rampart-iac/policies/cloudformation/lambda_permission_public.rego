# METADATA
# title: "Lambda permission lets any principal invoke the function (CloudFormation)"
# description: "An AWS::Lambda::Permission grants invocation to Principal \"*\" without SourceArn, SourceAccount or PrincipalOrgID."
# custom:
#   id: cfn-lambda-permission-public
#   severity: high
#   kinds: [cloudformation]
#   cwe: [284]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Every AWS account can invoke the function."
#   remediation: "Name the service or account principal and set SourceArn / SourceAccount."
#   references: ["https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html"]
#   examples:
#     fail:
#       - |
#         Resources:
#           AnyInvoke:
#             Type: AWS::Lambda::Permission
#             Properties:
#               Action: lambda:InvokeFunction
#               FunctionName: !Ref Api
#               Principal: "*"
#     pass:
#       - |
#         Resources:
#           ApiGwInvoke:
#             Type: AWS::Lambda::Permission
#             Properties:
#               Action: lambda:InvokeFunction
#               FunctionName: !Ref Api
#               Principal: apigateway.amazonaws.com
#               SourceArn: !Sub "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${RestApi}/*"
package rampart.cloudformation.lambda_permission_public

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::Lambda::Permission"})
	cc.oget(r.values, "Principal", "") == "*"
	cc.blank(cc.get(r.values, ["SourceArn"]))
	cc.blank(cc.get(r.values, ["SourceAccount"]))
	cc.blank(cc.get(r.values, ["PrincipalOrgID"]))
	result := {"msg": sprintf("%s lets any principal invoke the function", [r.address]), "resource": r.address, "attribute": "Principal"}
}
