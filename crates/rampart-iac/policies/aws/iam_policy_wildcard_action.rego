# METADATA
# title: "IAM policy allows every action"
# description: "An IAM policy statement allows Action \"*\" (all actions of all services), even if the resources are narrowed."
# custom:
#   id: aws-iam-policy-wildcard-action
#   severity: high
#   kinds: [terraform]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A wildcard action grants permissions that were never reviewed, including ones AWS adds in the future."
#   remediation: "List the specific actions the principal needs."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"]
#   aliases:
#     checkov: [CKV_AWS_49, CKV_AWS_63]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_user_policy" "deploy" {
#           name = "deploy"
#           user = "deployer"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = "*", Resource = "arn:aws:s3:::corp-artifacts/*" }]
#           })
#         }
#     pass:
#       - |
#         resource "aws_iam_user_policy" "deploy" {
#           name = "deploy"
#           user = "deployer"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = ["s3:PutObject"], Resource = "arn:aws:s3:::corp-artifacts/*" }]
#           })
#         }
package rampart.aws.iam_policy_wildcard_action

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in aws.identity_resources
	some s in aws.allows(r)
	# statements naming a Principal belong to resource policies (key, bucket, trust policies)
	cc.size(s.principals) == 0
	s.actions[_] == "*"
	result := {"msg": sprintf("%s allows every action (\"*\")", [r.address]), "resource": r.address, "attribute": attr(r)}
}

attr(r) := "statement" if r.type == "aws_iam_policy_document"

attr(r) := "inline_policy" if r.type == "aws_iam_role"

attr(r) := "policy" if not r.type in {"aws_iam_policy_document", "aws_iam_role"}
