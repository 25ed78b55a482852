# METADATA
# title: "IAM policy grants full administrator access (CloudFormation)"
# description: "An IAM policy document (AWS::IAM::Policy, ManagedPolicy, or inline Policies of a role, user or group) allows Action \"*\" on Resource \"*\"."
# custom:
#   id: cfn-iam-policy-full-admin
#   severity: critical
#   kinds: [cloudformation]
#   cwe: [269, 250]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "The holder controls the whole account."
#   remediation: "Grant only the actions and resources needed."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"]
#   aliases:
#     checkov: [CKV_AWS_62]
#     trivy: [AVD-AWS-0057]
#   examples:
#     fail:
#       - |
#         Resources:
#           AdminPolicy:
#             Type: AWS::IAM::ManagedPolicy
#             Properties:
#               PolicyDocument:
#                 Version: "2012-10-17"
#                 Statement:
#                   - Effect: Allow
#                     Action: "*"
#                     Resource: "*"
#       - |
#         Resources:
#           OpsRole:
#             Type: AWS::IAM::Role
#             Properties:
#               AssumeRolePolicyDocument:
#                 Version: "2012-10-17"
#                 Statement:
#                   - Effect: Allow
#                     Principal:
#                       Service: ec2.amazonaws.com
#                     Action: sts:AssumeRole
#               Policies:
#                 - PolicyName: everything
#                   PolicyDocument:
#                     Version: "2012-10-17"
#                     Statement:
#                       - Effect: Allow
#                         Action: ["*"]
#                         Resource: ["*"]
#     pass:
#       - |
#         Resources:
#           ReaderPolicy:
#             Type: AWS::IAM::ManagedPolicy
#             Properties:
#               PolicyDocument:
#                 Version: "2012-10-17"
#                 Statement:
#                   - Effect: Allow
#                     Action: s3:GetObject
#                     Resource: !Sub "arn:aws:s3:::${Bucket}/*"
package rampart.cloudformation.iam_policy_full_admin

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"})
	some s in aws.cfn_allows(r)
	"*" in s.actions
	aws.any_resource(s)
	result := {"msg": sprintf("%s allows every action on every resource", [r.address]), "resource": r.address, "attribute": attr(r)}
}

attr(r) := "PolicyDocument" if r.type in {"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"} else := "Policies"
