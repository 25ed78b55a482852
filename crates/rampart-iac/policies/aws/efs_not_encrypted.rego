# METADATA
# title: "EFS file system is not encrypted"
# description: "The file system does not set encrypted = true."
# custom:
#   id: aws-efs-not-encrypted
#   severity: high
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Shared file systems collect data from many workloads; at-rest encryption can only be chosen at creation."
#   remediation: "Set encrypted = true (and kms_key_id)."
#   references: ["https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html"]
#   aliases:
#     checkov: [CKV_AWS_42]
#     trivy: [AVD-AWS-0037]
#     tfsec: [aws-efs-enable-at-rest-encryption]
#   examples:
#     fail:
#       - |
#         resource "aws_efs_file_system" "shared" {
#           creation_token = "shared"
#         }
#     pass:
#       - |
#         resource "aws_efs_file_system" "shared" {
#           creation_token = "shared"
#           encrypted      = true
#         }
package rampart.aws.efs_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_efs_file_system"})
	v := cc.get(r.values, ["encrypted"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s is not encrypted", [r.address]), "resource": r.address, "attribute": "encrypted"}
}
