# METADATA
# title: "Secrets Manager secret is never rotated"
# description: "No aws_secretsmanager_secret_rotation refers to the secret."
# custom:
#   id: aws-secretsmanager-rotation-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [262, 324]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Secrets that never change stay useful to whoever copied them, for as long as they exist."
#   remediation: "Add an aws_secretsmanager_secret_rotation with a rotation Lambda (or use managed rotation) and rotation_rules of 90 days or less."
#   references: ["https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html"]
#   aliases:
#     checkov: [CKV2_AWS_57]
#   examples:
#     fail:
#       - |
#         resource "aws_secretsmanager_secret" "db" {
#           name = "db"
#         }
#     pass:
#       - |
#         resource "aws_secretsmanager_secret" "db" {
#           name = "db"
#         }
#
#         resource "aws_secretsmanager_secret_rotation" "db" {
#           secret_id           = aws_secretsmanager_secret.db.id
#           rotation_lambda_arn = "arn:aws:lambda:eu-west-1:123456789012:function:rotate-db"
#           rotation_rules {
#             automatically_after_days = 30
#           }
#         }
package rampart.aws.secretsmanager_rotation_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some s in cc.resources({"aws_secretsmanager_secret"})
	not rotated(s)
	result := {"msg": sprintf("%s has no rotation configured", [s.address]), "resource": s.address}
}

rotated(s) if {
	some r in cc.resources({"aws_secretsmanager_secret_rotation"})
	s.address in r.references
}
