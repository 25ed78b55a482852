# METADATA
# title: "IAM policy allows iam:PassRole on every role"
# description: "An IAM policy allows iam:PassRole with Resource \"*\", so the holder can hand any role in the account (including admin roles) to a service it controls."
# custom:
#   id: aws-iam-policy-passrole-all-roles
#   severity: high
#   kinds: [terraform]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "PassRole on every role combined with the right to create an EC2 instance, Lambda function or SageMaker job is a direct privilege escalation path."
#   remediation: "Limit iam:PassRole to the ARNs of the roles the principal must pass and add an iam:PassedToService condition."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html"]
#   aliases:
#     trivy: [AVD-AWS-0342]
#     tfsec: [aws-iam-filter-passrole-access]
#   examples:
#     fail:
#       - |
#         data "aws_iam_policy_document" "ci" {
#           statement {
#             actions   = ["lambda:CreateFunction", "iam:PassRole"]
#             resources = ["*"]
#           }
#         }
#     pass:
#       - |
#         data "aws_iam_policy_document" "ci" {
#           statement {
#             actions   = ["iam:PassRole"]
#             resources = ["arn:aws:iam::123456789012:role/lambda-runtime"]
#             condition {
#               test     = "StringEquals"
#               variable = "iam:PassedToService"
#               values   = ["lambda.amazonaws.com"]
#             }
#           }
#         }
package rampart.aws.iam_policy_passrole_all_roles

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in aws.identity_resources
	some s in aws.allows(r)
	# statements naming a Principal belong to resource policies (key, bucket, trust policies)
	cc.size(s.principals) == 0
	aws.grants(s, "iam:passrole")
	aws.any_resource(s)
	not s.conditioned
	result := {"msg": sprintf("%s allows iam:PassRole on every role", [r.address]), "resource": r.address, "attribute": attr(r)}
}

attr(r) := "statement" if r.type == "aws_iam_policy_document"

attr(r) := "inline_policy" if r.type == "aws_iam_role"

attr(r) := "policy" if not r.type in {"aws_iam_policy_document", "aws_iam_role"}
