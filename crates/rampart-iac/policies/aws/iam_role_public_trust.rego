# METADATA
# title: "IAM role can be assumed by anyone"
# description: "The role's trust policy allows sts:AssumeRole to Principal \"*\" (or AWS \"*\") without a condition, so any AWS account can assume it."
# custom:
#   id: aws-iam-role-public-trust
#   severity: critical
#   kinds: [terraform]
#   cwe: [284, 269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A role with a public trust policy hands its permissions to every AWS customer."
#   remediation: "Name the trusted accounts, roles or service principals, and add sts:ExternalId or aws:PrincipalOrgID conditions for third parties."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html"]
#   aliases:
#     checkov: [CKV_AWS_60]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_role" "shared" {
#           name = "shared"
#           assume_role_policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "*" } }]
#           })
#         }
#     pass:
#       - |
#         resource "aws_iam_role" "shared" {
#           name = "shared"
#           assume_role_policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "*" }, Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } } }]
#           })
#         }
package rampart.aws.iam_role_public_trust

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_iam_role"})
	some s in aws.trust_statements(r)
	s.allow
	aws.public_principal(s)
	not s.conditioned
	result := {"msg": sprintf("%s can be assumed by any AWS principal", [r.address]), "resource": r.address, "attribute": "assume_role_policy"}
}
