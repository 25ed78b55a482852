# METADATA
# title: "ECR repository policy allows any principal"
# description: "The repository policy allows actions to Principal \"*\" without a condition."
# custom:
#   id: aws-ecr-repository-policy-public
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Anyone could pull (and with write actions, push) images: code, baked-in secrets and models leak, or images are replaced."
#   remediation: "Name the accounts or roles that may pull; use aws:PrincipalOrgID to share within an organization."
#   references: ["https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html"]
#   aliases:
#     checkov: [CKV_AWS_32]
#     trivy: [AVD-AWS-0032]
#     tfsec: [aws-ecr-no-public-access]
#   examples:
#     fail:
#       - |
#         resource "aws_ecr_repository_policy" "app" {
#           repository = "app"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Sid = "all", Effect = "Allow", Principal = "*", Action = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] }]
#           })
#         }
#     pass:
#       - |
#         resource "aws_ecr_repository_policy" "app" {
#           repository = "app"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Sid = "org", Effect = "Allow", Principal = "*", Action = ["ecr:BatchGetImage"], Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } } }]
#           })
#         }
package rampart.aws.ecr_repository_policy_public

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_ecr_repository_policy"})
	some s in aws.allows(r)
	aws.public_principal(s)
	not s.conditioned
	result := {"msg": sprintf("%s lets any principal use the repository", [r.address]), "resource": r.address, "attribute": "policy"}
}
