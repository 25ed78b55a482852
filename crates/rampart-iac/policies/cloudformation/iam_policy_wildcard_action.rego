# METADATA
# title: "IAM policy allows every action or a whole service on every resource (CloudFormation)"
# description: "An IAM policy document allows Action \"*\", or a service wildcard such as \"s3:*\" on Resource \"*\"."
# custom:
#   id: cfn-iam-policy-wildcard-action
#   severity: high
#   kinds: [cloudformation]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Wildcards grant unreviewed permissions, including ones AWS adds later."
#   remediation: "List the specific actions and resource ARNs."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html"]
#   aliases:
#     checkov: [CKV_AWS_63]
#     trivy: [AVD-AWS-0057]
#   examples:
#     fail:
#       - |
#         Resources:
#           AppPolicy:
#             Type: AWS::IAM::Policy
#             Properties:
#               PolicyName: app
#               Roles: [!Ref AppRole]
#               PolicyDocument:
#                 Version: "2012-10-17"
#                 Statement:
#                   - Effect: Allow
#                     Action: "dynamodb:*"
#                     Resource: "*"
#     pass:
#       - |
#         Resources:
#           AppPolicy:
#             Type: AWS::IAM::Policy
#             Properties:
#               PolicyName: app
#               Roles: [!Ref AppRole]
#               PolicyDocument:
#                 Version: "2012-10-17"
#                 Statement:
#                   - Effect: Allow
#                     Action: ["dynamodb:GetItem", "dynamodb:PutItem"]
#                     Resource: !GetAtt Table.Arn
package rampart.cloudformation.iam_policy_wildcard_action

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"})
	some s in aws.cfn_allows(r)
	some a in s.actions
	wild(a, s)
	result := {"msg": sprintf("%s allows %q", [r.address, a]), "resource": r.address, "attribute": attr(r)}
}

wild(a, _) if a == "*"

wild(a, s) if {
	cc.ends(a, ":*")
	aws.any_resource(s)
}

attr(r) := "PolicyDocument" if r.type in {"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"} else := "Policies"
