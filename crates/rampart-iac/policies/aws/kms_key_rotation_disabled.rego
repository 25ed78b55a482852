# METADATA
# title: "KMS key rotation is disabled"
# description: "A symmetric customer managed KMS key does not set enable_key_rotation = true."
# custom:
#   id: aws-kms-key-rotation-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [320]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Automatic rotation limits how much data any one key version protects and is required by most benchmarks."
#   remediation: "Set enable_key_rotation = true (optionally rotation_period_in_days)."
#   references: ["https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html"]
#   aliases:
#     checkov: [CKV_AWS_7]
#     trivy: [AVD-AWS-0065]
#     tfsec: [aws-kms-auto-rotate-keys]
#   examples:
#     fail:
#       - |
#         resource "aws_kms_key" "data" {
#           description = "data"
#         }
#     pass:
#       - |
#         resource "aws_kms_key" "data" {
#           description         = "data"
#           enable_key_rotation = true
#         }
#       - |
#         resource "aws_kms_key" "signing" {
#           description              = "signing"
#           key_usage                = "SIGN_VERIFY"
#           customer_master_key_spec = "ECC_NIST_P256"
#         }
package rampart.aws.kms_key_rotation_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_kms_key"})
	cc.oget(r.values, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	cc.differs(cc.get(r.values, ["enable_key_rotation"]), true, true)
	result := {"msg": sprintf("%s does not rotate its key material", [r.address]), "resource": r.address, "attribute": "enable_key_rotation"}
}
