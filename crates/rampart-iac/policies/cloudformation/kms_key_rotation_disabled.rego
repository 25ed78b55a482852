# METADATA
# title: "KMS key rotation is disabled (CloudFormation)"
# description: "A symmetric AWS::KMS::Key does not set EnableKeyRotation to true."
# custom:
#   id: cfn-kms-key-rotation-disabled
#   severity: medium
#   kinds: [cloudformation]
#   cwe: [320]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Automatic rotation limits how much data each key version protects."
#   remediation: "Set EnableKeyRotation: true."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-kms-key.html"]
#   aliases:
#     checkov: [CKV_AWS_7]
#     trivy: [AVD-AWS-0065]
#   examples:
#     fail:
#       - |
#         Resources:
#           DataKey:
#             Type: AWS::KMS::Key
#             Properties:
#               Description: data
#     pass:
#       - |
#         Resources:
#           DataKey:
#             Type: AWS::KMS::Key
#             Properties:
#               Description: data
#               EnableKeyRotation: true
#       - |
#         Resources:
#           SigningKey:
#             Type: AWS::KMS::Key
#             Properties:
#               KeySpec: ECC_NIST_P256
#               KeyUsage: SIGN_VERIFY
package rampart.cloudformation.kms_key_rotation_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::KMS::Key"})
	cc.oget(r.values, "KeySpec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	v := cc.get(r.values, ["EnableKeyRotation"])
	not cc.is_true(v)
	not cc.unknown(v)
	result := {"msg": sprintf("%s does not rotate its key material", [r.address]), "resource": r.address, "attribute": "EnableKeyRotation"}
}
