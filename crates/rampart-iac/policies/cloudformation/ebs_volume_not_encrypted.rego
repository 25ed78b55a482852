# METADATA
# title: "EBS volume is not encrypted (CloudFormation)"
# description: "An AWS::EC2::Volume does not set Encrypted to true."
# custom:
#   id: cfn-ebs-volume-not-encrypted
#   severity: high
#   kinds: [cloudformation]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Unencrypted volumes and their snapshots can be copied and read."
#   remediation: "Set Encrypted: true (and KmsKeyId), or enable EBS encryption by default in the account."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-volume.html"]
#   aliases:
#     checkov: [CKV_AWS_3]
#     trivy: [AVD-AWS-0026]
#   examples:
#     fail:
#       - |
#         Resources:
#           Data:
#             Type: AWS::EC2::Volume
#             Properties:
#               AvailabilityZone: !Select [0, !GetAZs ""]
#               Size: 100
#     pass:
#       - |
#         Resources:
#           Data:
#             Type: AWS::EC2::Volume
#             Properties:
#               AvailabilityZone: eu-west-1a
#               Size: 100
#               Encrypted: true
package rampart.cloudformation.ebs_volume_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::EC2::Volume"})
	v := cc.get(r.values, ["Encrypted"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s is not encrypted", [r.address]), "resource": r.address, "attribute": "Encrypted"}
}
