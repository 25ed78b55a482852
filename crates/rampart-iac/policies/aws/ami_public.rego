# METADATA
# title: "AMI launch permission makes an image public"
# description: "An aws_ami_launch_permission grants group \"all\", so every AWS account can launch (and copy) the image."
# custom:
#   id: aws-ami-public
#   severity: high
#   kinds: [terraform]
#   cwe: [284, 200]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Public images leak whatever was baked in: application code, credentials, keys and model weights."
#   remediation: "Share with specific account_id or organization_arn values instead of group \"all\"."
#   references: ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html"]
#   examples:
#     fail:
#       - |
#         resource "aws_ami_launch_permission" "public" {
#           image_id = "ami-0abcdef1234567890"
#           group    = "all"
#         }
#     pass:
#       - |
#         resource "aws_ami_launch_permission" "partner" {
#           image_id   = "ami-0abcdef1234567890"
#           account_id = "210987654321"
#         }
package rampart.aws.ami_public

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_ami_launch_permission"})
	v := cc.get(r.values, ["group"])
	v in {"all"}
	result := {"msg": sprintf("%s makes the image launchable by group %v", [r.address, v]), "resource": r.address, "attribute": "group"}
}
