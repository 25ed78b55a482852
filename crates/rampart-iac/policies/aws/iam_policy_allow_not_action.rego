# METADATA
# title: "IAM policy allows with NotAction"
# description: "An Allow statement uses NotAction, which grants every action except the ones listed, including actions of services added later."
# custom:
#   id: aws-iam-policy-allow-not-action
#   severity: medium
#   kinds: [terraform]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Allow with NotAction is an allow-list turned inside out: it almost always grants far more than intended."
#   remediation: "Use Action with the permitted actions; keep NotAction for Deny statements."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html"]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_group_policy" "power" {
#           name  = "power"
#           group = "power-users"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", NotAction = ["iam:*", "organizations:*"], Resource = "*" }]
#           })
#         }
#     pass:
#       - |
#         resource "aws_iam_group_policy" "power" {
#           name  = "power"
#           group = "power-users"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Deny", NotAction = ["iam:ChangePassword"], Resource = "*", Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } } }]
#           })
#         }
package rampart.aws.iam_policy_allow_not_action

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in aws.identity_resources
	some s in aws.allows(r)
	# statements naming a Principal belong to resource policies (key, bucket, trust policies)
	cc.size(s.principals) == 0
	cc.size(s.not_actions) > 0
	result := {"msg": sprintf("%s has an Allow statement with NotAction", [r.address]), "resource": r.address, "attribute": attr(r)}
}

attr(r) := "statement" if r.type == "aws_iam_policy_document"

attr(r) := "inline_policy" if r.type == "aws_iam_role"

attr(r) := "policy" if not r.type in {"aws_iam_policy_document", "aws_iam_role"}
