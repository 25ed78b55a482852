# METADATA
# title: "IAM policy grants full administrator access"
# description: "An IAM policy allows Action \"*\" on Resource \"*\": every action on every resource in the account."
# custom:
#   id: aws-iam-policy-full-admin
#   severity: critical
#   kinds: [terraform]
#   cwe: [269, 250]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Whoever holds this policy (or steals credentials that hold it) controls the whole account, including deleting audit trails and creating new admins."
#   remediation: "Grant only the actions and resources the principal needs; use AWS managed job-function policies or IAM Access Analyzer policy generation as a starting point."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html"]
#   aliases:
#     checkov: [CKV_AWS_1, CKV_AWS_62]
#     trivy: [AVD-AWS-0057]
#     tfsec: [aws-iam-no-policy-wildcards]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_policy" "admin" {
#           name = "admin"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
#           })
#         }
#       - |
#         data "aws_iam_policy_document" "admin" {
#           statement {
#             actions   = ["*"]
#             resources = ["*"]
#           }
#         }
#       - |
#         resource "aws_iam_role_policy" "ops" {
#           name   = "ops"
#           role   = "ops"
#           policy = <<EOF
#         {
#           "Version": "2012-10-17",
#           "Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}]
#         }
#         EOF
#         }
#     pass:
#       - |
#         resource "aws_iam_policy" "reader" {
#           name = "reader"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::corp-data/*" }]
#           })
#         }
#       - |
#         data "aws_iam_policy_document" "deny_all" {
#           statement {
#             effect    = "Deny"
#             actions   = ["*"]
#             resources = ["*"]
#           }
#         }
package rampart.aws.iam_policy_full_admin

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in aws.identity_resources
	some s in aws.allows(r)
	# statements naming a Principal belong to resource policies (key, bucket, trust policies)
	cc.size(s.principals) == 0
	s.actions[_] == "*"
	aws.any_resource(s)
	result := {"msg": sprintf("%s allows every action (\"*\") on every resource (\"*\")", [r.address]), "resource": r.address, "attribute": attr(r)}
}

attr(r) := "statement" if r.type == "aws_iam_policy_document"

attr(r) := "inline_policy" if r.type == "aws_iam_role"

attr(r) := "policy" if not r.type in {"aws_iam_policy_document", "aws_iam_role"}
