# METADATA
# title: "IAM password policy does not expire passwords within 90 days"
# description: "max_password_age is unset or greater than 90 days in the account password policy."
# custom:
#   id: aws-iam-password-policy-no-expiry
#   severity: low
#   kinds: [terraform]
#   cwe: [262]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Expiry bounds how long a leaked console password stays useful (CIS AWS Foundations 1.x)."
#   remediation: "Set max_password_age to 90 or less (and prefer SSO with MFA for console access)."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html"]
#   aliases:
#     checkov: [CKV_AWS_9]
#     trivy: [AVD-AWS-0062]
#     tfsec: [aws-iam-set-max-password-age]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_account_password_policy" "weak" {
#           minimum_password_length = 14
#           max_password_age        = 365
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
package rampart.aws.iam_password_policy_no_expiry

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_iam_account_password_policy"})
	v := cc.get(r.values, ["max_password_age"])
	not cc.unknown(v)
	too_long(v)
	result := {"msg": sprintf("%s lets passwords live longer than 90 days", [r.address]), "resource": r.address, "attribute": "max_password_age"}
}

too_long(v) if v == null

too_long(v) if cc.num(v) > 90

too_long(v) if cc.num(v) == 0
