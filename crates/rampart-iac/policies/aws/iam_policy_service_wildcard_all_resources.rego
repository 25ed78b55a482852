# METADATA
# title: "IAM policy allows a whole service on every resource"
# description: "An IAM policy statement allows a service-wide wildcard action such as \"s3:*\" or \"dynamodb:*\" on Resource \"*\"."
# custom:
#   id: aws-iam-policy-service-wildcard-all-resources
#   severity: high
#   kinds: [terraform]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A service wildcard on every resource gives full control of every bucket, table or queue of that service in the account, including deletion and policy changes."
#   remediation: "Name the actions and the resource ARNs the principal needs."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"]
#   aliases:
#     trivy: [AVD-AWS-0057]
#     tfsec: [aws-iam-no-policy-wildcards]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_policy" "app" {
#           name = "app"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = ["s3:*"], Resource = "*" }]
#           })
#         }
#     pass:
#       - |
#         resource "aws_iam_policy" "app" {
#           name = "app"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = ["s3:*"], Resource = ["arn:aws:s3:::corp-app", "arn:aws:s3:::corp-app/*"] }]
#           })
#         }
#       - |
#         data "aws_iam_policy_document" "key" {
#           statement {
#             sid       = "account-admin"
#             actions   = ["kms:*"]
#             resources = ["*"]
#             principals {
#               type        = "AWS"
#               identifiers = ["arn:aws:iam::123456789012:root"]
#             }
#           }
#         }
package rampart.aws.iam_policy_service_wildcard_all_resources

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in aws.identity_resources
	some s in aws.allows(r)
	# statements naming a Principal belong to resource policies (key, bucket, trust policies)
	cc.size(s.principals) == 0
	some a in s.actions
	cc.ends(a, ":*")
	aws.any_resource(s)
	result := {"msg": sprintf("%s allows a whole service (\"service:*\") on every resource", [r.address]), "resource": r.address, "attribute": attr(r)}
}

attr(r) := "statement" if r.type == "aws_iam_policy_document"

attr(r) := "inline_policy" if r.type == "aws_iam_role"

attr(r) := "policy" if not r.type in {"aws_iam_policy_document", "aws_iam_role"}
