# METADATA
# title: "IAM policy allows all IAM actions"
# description: "An IAM policy allows \"iam:*\", full control over users, roles, policies and credentials."
# custom:
#   id: aws-iam-policy-full-iam-access
#   severity: high
#   kinds: [terraform]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Full IAM access is equivalent to administrator access: the holder can grant itself anything."
#   remediation: "Grant the specific IAM actions needed, on specific ARNs, with a permissions boundary."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html"]
#   aliases:
#     checkov: [CKV2_AWS_40]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_policy" "iam_admin" {
#           name = "iam-admin"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = "iam:*", Resource = "arn:aws:iam::123456789012:*" }]
#           })
#         }
#     pass:
#       - |
#         resource "aws_iam_policy" "iam_read" {
#           name = "iam-read"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = ["iam:Get*", "iam:List*"], Resource = "*" }]
#           })
#         }
package rampart.aws.iam_policy_full_iam_access

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in aws.identity_resources
	some s in aws.allows(r)
	# statements naming a Principal belong to resource policies (key, bucket, trust policies)
	cc.size(s.principals) == 0
	some a in s.actions
	a == "iam:*"
	result := {"msg": sprintf("%s allows every IAM action (\"iam:*\")", [r.address]), "resource": r.address, "attribute": attr(r)}
}

attr(r) := "statement" if r.type == "aws_iam_policy_document"

attr(r) := "inline_policy" if r.type == "aws_iam_role"

attr(r) := "policy" if not r.type in {"aws_iam_policy_document", "aws_iam_role"}
