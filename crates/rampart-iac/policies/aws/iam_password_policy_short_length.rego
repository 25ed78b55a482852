# METADATA
# title: "IAM password policy allows passwords shorter than 14 characters"
# description: "The account password policy sets minimum_password_length below 14 (or leaves it at the default of 8)."
# custom:
#   id: aws-iam-password-policy-short-length
#   severity: medium
#   kinds: [terraform]
#   cwe: [521]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Short passwords fall to guessing and cracking; CIS AWS Foundations recommends at least 14 characters."
#   remediation: "Set minimum_password_length to 14 or more."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html"]
#   aliases:
#     checkov: [CKV_AWS_10]
#     trivy: [AVD-AWS-0063]
#     tfsec: [aws-iam-set-minimum-password-length]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_account_password_policy" "weak" {
#           minimum_password_length = 8
#         }
#     pass:
#       - |
#         resource "aws_iam_account_password_policy" "strict" {
#           minimum_password_length        = 14
#           require_lowercase_characters   = true
#           require_uppercase_characters   = true
#           require_numbers                = true
#           require_symbols                = true
#           password_reuse_prevention      = 24
#           max_password_age               = 90
#         }
package rampart.aws.iam_password_policy_short_length

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_iam_account_password_policy"})
	v := cc.get(r.values, ["minimum_password_length"])
	v != null
	not cc.unknown(v)
	cc.num(v) < 14
	result := {"msg": sprintf("%s allows passwords shorter than 14 characters (minimum_password_length %v)", [r.address, v]), "resource": r.address, "attribute": "minimum_password_length"}
}

deny contains result if {
	some r in cc.resources({"aws_iam_account_password_policy"})
	cc.get(r.values, ["minimum_password_length"]) == null
	result := {"msg": sprintf("%s allows passwords shorter than 14 characters (minimum_password_length %v)", [r.address, "unset"]), "resource": r.address, "attribute": "minimum_password_length"}
}
