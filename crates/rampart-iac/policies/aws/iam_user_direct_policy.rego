# METADATA
# title: "IAM policy attached directly to a user"
# description: "A policy is attached to an IAM user (aws_iam_user_policy, aws_iam_user_policy_attachment or aws_iam_policy_attachment with users) instead of to a group or role."
# custom:
#   id: aws-iam-user-direct-policy
#   severity: low
#   kinds: [terraform]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Per-user permissions drift, are hard to review, and tend to outlive the person's role; groups and roles keep access manageable."
#   remediation: "Attach policies to groups (and add the user to the group) or, better, use roles assumed through SSO."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions"]
#   aliases:
#     checkov: [CKV_AWS_40]
#     trivy: [AVD-AWS-0143]
#     tfsec: [aws-iam-no-user-attached-policies]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_user_policy_attachment" "alice" {
#           user       = "alice"
#           policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
#         }
#       - |
#         resource "aws_iam_policy_attachment" "readers" {
#           name       = "readers"
#           users      = ["alice"]
#           policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
#         }
#     pass:
#       - |
#         resource "aws_iam_group_policy_attachment" "readers" {
#           group      = "readers"
#           policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
#         }
package rampart.aws.iam_user_direct_policy

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_iam_user_policy", "aws_iam_user_policy_attachment"})
	result := {"msg": sprintf("%s attaches a policy directly to an IAM user", [r.address]), "resource": r.address, "attribute": "user"}
}

deny contains result if {
	some r in cc.resources({"aws_iam_policy_attachment"})
	cc.size(cc.arr(cc.oget(r.values, "users", []))) > 0
	result := {"msg": sprintf("%s attaches a policy directly to IAM users", [r.address]), "resource": r.address, "attribute": "users"}
}
