# METADATA
# title: "EC2 instance or launch configuration has an unencrypted block device"
# description: "A root_block_device or ebs_block_device of an instance or launch configuration does not set encrypted = true."
# custom:
#   id: aws-ec2-block-device-not-encrypted
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Instance disks hold application data, logs and credentials; unencrypted they leak through snapshots and AMIs."
#   remediation: "Set encrypted = true on every root_block_device and ebs_block_device, or turn on EBS encryption by default."
#   references: ["https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"]
#   aliases:
#     checkov: [CKV_AWS_8]
#     trivy: [AVD-AWS-0131, AVD-AWS-0008]
#     tfsec: [aws-ec2-enable-at-rest-encryption, aws-ec2-enable-launch-config-at-rest-encryption]
#   examples:
#     fail:
#       - |
#         resource "aws_instance" "web" {
#           ami           = "ami-0abcdef1234567890"
#           instance_type = "t3.micro"
#           root_block_device {
#             volume_size = 20
#           }
#         }
#     pass:
#       - |
#         resource "aws_instance" "web" {
#           ami           = "ami-0abcdef1234567890"
#           instance_type = "t3.micro"
#           root_block_device {
#             volume_size = 20
#             encrypted   = true
#           }
#         }
package rampart.aws.ec2_block_device_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_instance", "aws_launch_configuration"})
	not default_on
	some k in ["root_block_device", "ebs_block_device"]
	some i, d in cc.arr(cc.oget(r.values, k, []))
	cc.blank(cc.oget(d, "snapshot_id", null))
	cc.differs(cc.oget(d, "encrypted", null), true, true)
	result := {"msg": sprintf("%s has an unencrypted %s", [r.address, k]), "resource": r.address, "attribute": sprintf("%s.%d.encrypted", [k, i])}
}

default_on if {
	some d in cc.resources({"aws_ebs_encryption_by_default"})
	cc.is_or_unknown(cc.oget(d.values, "enabled", true), true)
}
