# METADATA
# title: "IAM password policy allows password reuse"
# description: "The account password policy does not remember at least the last 24 passwords (password_reuse_prevention)."
# custom:
#   id: aws-iam-password-policy-reuse-allowed
#   severity: medium
#   kinds: [terraform]
#   cwe: [521, 262]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Users rotate back to a password that has already leaked when reuse is allowed."
#   remediation: "Set password_reuse_prevention to 24."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html"]
#   aliases:
#     checkov: [CKV_AWS_13]
#     trivy: [AVD-AWS-0056]
#     tfsec: [aws-iam-no-password-reuse]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_account_password_policy" "weak" {
#           minimum_password_length = 14
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
package rampart.aws.iam_password_policy_reuse_allowed

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_iam_account_password_policy"})
	v := cc.get(r.values, ["password_reuse_prevention"])
	v != null
	not cc.unknown(v)
	cc.num(v) < 24
	result := {"msg": sprintf("%s remembers fewer than 24 previous passwords (%v)", [r.address, v]), "resource": r.address, "attribute": "password_reuse_prevention"}
}

deny contains result if {
	some r in cc.resources({"aws_iam_account_password_policy"})
	cc.get(r.values, ["password_reuse_prevention"]) == null
	result := {"msg": sprintf("%s remembers fewer than 24 previous passwords (%v)", [r.address, "unset"]), "resource": r.address, "attribute": "password_reuse_prevention"}
}
