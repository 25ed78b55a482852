# METADATA
# title: "EBS encryption by default is switched off"
# description: "aws_ebs_encryption_by_default sets enabled = false for the region."
# custom:
#   id: aws-ebs-default-encryption-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Default encryption is the safety net that encrypts every new volume and snapshot copy, whoever creates it."
#   remediation: "Set enabled = true."
#   references: ["https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html"]
#   aliases:
#     checkov: [CKV_AWS_106]
#   examples:
#     fail:
#       - |
#         resource "aws_ebs_encryption_by_default" "this" {
#           enabled = false
#         }
#     pass:
#       - |
#         resource "aws_ebs_encryption_by_default" "this" {
#           enabled = true
#         }
package rampart.aws.ebs_default_encryption_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_ebs_encryption_by_default"})
	v := cc.get(r.values, ["enabled"])
	cc.differs(v, true, false)
	result := {"msg": sprintf("%s disables EBS encryption by default", [r.address]), "resource": r.address, "attribute": "enabled"}
}
