# METADATA
# title: "AdministratorAccess managed policy attached"
# description: "The AWS managed AdministratorAccess policy is attached to a role, user or group."
# custom:
#   id: aws-iam-admin-managed-policy-attached
#   severity: high
#   kinds: [terraform]
#   cwe: [269, 250]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Standing administrator access for workloads or people multiplies the impact of any credential leak."
#   remediation: "Attach a least-privilege policy; grant administrator access only through short-lived, audited elevation."
#   references: ["https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html"]
#   aliases:
#     checkov: [CKV_AWS_274]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_role_policy_attachment" "ci" {
#           role       = "ci"
#           policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
#         }
#       - |
#         resource "aws_iam_role" "ops" {
#           name                = "ops"
#           assume_role_policy  = "{}"
#           managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
#         }
#     pass:
#       - |
#         resource "aws_iam_role_policy_attachment" "ci" {
#           role       = "ci"
#           policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
#         }
package rampart.aws.iam_admin_managed_policy_attached

import data.rampart.lib.cloud_common as cc
import rego.v1

admin_arn := "arn:aws:iam::aws:policy/AdministratorAccess"

deny contains result if {
	some r in cc.resources({"aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment"})
	cc.oget(r.values, "policy_arn", "") == admin_arn
	result := {"msg": sprintf("%s attaches AdministratorAccess", [r.address]), "resource": r.address, "attribute": "policy_arn"}
}

deny contains result if {
	some r in cc.resources({"aws_iam_role"})
	admin_arn in cc.arr(cc.oget(r.values, "managed_policy_arns", []))
	result := {"msg": sprintf("%s has AdministratorAccess in managed_policy_arns", [r.address]), "resource": r.address, "attribute": "managed_policy_arns"}
}
