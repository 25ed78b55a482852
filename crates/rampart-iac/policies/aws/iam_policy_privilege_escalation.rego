# METADATA
# title: "IAM policy allows privilege escalation"
# description: "An IAM policy allows, on every resource and without conditions, an action that lets a principal raise its own permissions (new policy versions, attaching or writing policies, creating keys or login profiles for others, editing trust policies, adding users to groups)."
# custom:
#   id: aws-iam-policy-privilege-escalation
#   severity: high
#   kinds: [terraform]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Each of these actions is a documented escalation path: a principal that holds one can give itself administrator access."
#   remediation: "Remove the action or restrict it to specific ARNs and conditions; use permission boundaries for principals that manage IAM."
#   references: ["https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/", "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html"]
#   aliases:
#     checkov: [CKV_AWS_110, CKV_AWS_286]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_policy" "dev" {
#           name = "dev"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = ["iam:AttachUserPolicy", "ec2:Describe*"], Resource = "*" }]
#           })
#         }
#       - |
#         data "aws_iam_policy_document" "dev" {
#           statement {
#             actions   = ["iam:*"]
#             resources = ["*"]
#           }
#         }
#     pass:
#       - |
#         resource "aws_iam_policy" "dev" {
#           name = "dev"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = ["iam:GetUser", "iam:ListAttachedUserPolicies"], Resource = "*" }]
#           })
#         }
package rampart.aws.iam_policy_privilege_escalation

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in aws.identity_resources
	some s in aws.allows(r)
	# statements naming a Principal belong to resource policies (key, bucket, trust policies)
	cc.size(s.principals) == 0
	some action in escalation_actions
	aws.grants(s, action)
	aws.any_resource(s)
	not s.conditioned
	result := {"msg": sprintf("%s allows a privilege-escalation action on every resource", [r.address]), "resource": r.address, "attribute": attr(r)}
}

attr(r) := "statement" if r.type == "aws_iam_policy_document"

attr(r) := "inline_policy" if r.type == "aws_iam_role"

attr(r) := "policy" if not r.type in {"aws_iam_policy_document", "aws_iam_role"}

escalation_actions := {
	"iam:createpolicyversion", "iam:setdefaultpolicyversion", "iam:attachuserpolicy",
	"iam:attachgrouppolicy", "iam:attachrolepolicy", "iam:putuserpolicy", "iam:putgrouppolicy",
	"iam:putrolepolicy", "iam:createaccesskey", "iam:createloginprofile", "iam:updateloginprofile",
	"iam:updateassumerolepolicy", "iam:addusertogroup", "iam:putuserpermissionsboundary",
	"iam:deleteuserpermissionsboundary", "iam:putrolepermissionsboundary", "iam:deleterolepermissionsboundary",
}
