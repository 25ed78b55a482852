# METADATA
# title: "KMS key policy allows any principal"
# description: "The key policy has an Allow statement for Principal \"*\" without a condition."
# custom:
#   id: aws-kms-key-policy-public-principal
#   severity: critical
#   kinds: [terraform]
#   cwe: [284, 732]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A wildcard principal lets any AWS account use or manage the key, and with it decrypt everything the key protects."
#   remediation: "Grant key use to specific account root or role ARNs; if a wildcard is needed, restrict it with kms:CallerAccount or kms:ViaService conditions."
#   references: ["https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html"]
#   aliases:
#     checkov: [CKV_AWS_33]
#   examples:
#     fail:
#       - |
#         resource "aws_kms_key" "data" {
#           description         = "data"
#           enable_key_rotation = true
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "kms:*", Resource = "*" }]
#           })
#         }
#     pass:
#       - |
#         resource "aws_kms_key" "data" {
#           description         = "data"
#           enable_key_rotation = true
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "kms:*", Resource = "*" }]
#           })
#         }
package rampart.aws.kms_key_policy_public_principal

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_kms_key", "aws_kms_key_policy"})
	some s in aws.allows(r)
	aws.public_principal(s)
	not s.conditioned
	result := {"msg": sprintf("%s has a key policy statement open to any principal", [r.address]), "resource": r.address, "attribute": "policy"}
}
