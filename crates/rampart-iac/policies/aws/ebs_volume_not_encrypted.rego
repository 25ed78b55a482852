# METADATA
# title: "EBS volume is not encrypted"
# description: "An aws_ebs_volume does not set encrypted = true."
# custom:
#   id: aws-ebs-volume-not-encrypted
#   severity: high
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Unencrypted volumes and their snapshots can be copied and mounted by anyone who gets access to them."
#   remediation: "Set encrypted = true (and kms_key_id), or enable aws_ebs_encryption_by_default."
#   references: ["https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"]
#   aliases:
#     checkov: [CKV_AWS_3]
#     trivy: [AVD-AWS-0026]
#     tfsec: [aws-ec2-enable-volume-encryption]
#   examples:
#     fail:
#       - |
#         resource "aws_ebs_volume" "data" {
#           availability_zone = "eu-west-1a"
#           size              = 100
#         }
#     pass:
#       - |
#         resource "aws_ebs_volume" "data" {
#           availability_zone = "eu-west-1a"
#           size              = 100
#           encrypted         = true
#         }
#       - |
#         resource "aws_ebs_encryption_by_default" "on" {
#           enabled = true
#         }
#
#         resource "aws_ebs_volume" "data" {
#           availability_zone = "eu-west-1a"
#           size              = 100
#         }
package rampart.aws.ebs_volume_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_ebs_volume"})
	not default_on
	cc.differs(cc.get(r.values, ["encrypted"]), true, true)
	result := {"msg": sprintf("%s is not encrypted", [r.address]), "resource": r.address, "attribute": "encrypted"}
}

default_on if {
	some d in cc.resources({"aws_ebs_encryption_by_default"})
	cc.is_or_unknown(cc.oget(d.values, "enabled", true), true)
}
