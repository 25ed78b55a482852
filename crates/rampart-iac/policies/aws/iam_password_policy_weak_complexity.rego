# METADATA
# title: "IAM password policy does not require every character class"
# description: "The account password policy does not require lowercase letters, uppercase letters, numbers and symbols."
# custom:
#   id: aws-iam-password-policy-weak-complexity
#   severity: low
#   kinds: [terraform]
#   cwe: [521]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without character-class requirements users pick dictionary words that are cracked quickly."
#   remediation: "Set require_lowercase_characters, require_uppercase_characters, require_numbers and require_symbols to true."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html"]
#   aliases:
#     checkov: [CKV_AWS_11, CKV_AWS_12, CKV_AWS_14, CKV_AWS_15]
#     trivy: [AVD-AWS-0058, AVD-AWS-0059, AVD-AWS-0060, AVD-AWS-0061]
#     tfsec: [aws-iam-require-lowercase-in-passwords, aws-iam-require-uppercase-in-passwords, aws-iam-require-numbers-in-passwords, aws-iam-require-symbols-in-passwords]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_account_password_policy" "weak" {
#           minimum_password_length      = 14
#           require_lowercase_characters = true
#           require_numbers              = false
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
package rampart.aws.iam_password_policy_weak_complexity

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_iam_account_password_policy"})
	some f in ["require_lowercase_characters", "require_uppercase_characters", "require_numbers", "require_symbols"]
	cc.differs(cc.get(r.values, [f]), true, true)
	result := {"msg": sprintf("%s does not set %s", [r.address, f]), "resource": r.address, "attribute": f}
}
