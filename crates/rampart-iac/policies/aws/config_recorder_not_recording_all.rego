# METADATA
# title: "AWS Config recorder does not record all resources"
# description: "The configuration recorder's recording_group sets all_supported = false (or omits global resource types)."
# custom:
#   id: aws-config-recorder-not-recording-all
#   severity: low
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Resources Config does not record have no configuration history and no compliance evaluation."
#   remediation: "Set recording_group { all_supported = true, include_global_resource_types = true } in one region."
#   references: ["https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html"]
#   aliases:
#     checkov: [CKV2_AWS_48]
#   examples:
#     fail:
#       - |
#         resource "aws_config_configuration_recorder" "main" {
#           name     = "main"
#           role_arn = "arn:aws:iam::123456789012:role/config"
#           recording_group {
#             all_supported  = false
#             resource_types = ["AWS::EC2::Instance"]
#           }
#         }
#     pass:
#       - |
#         resource "aws_config_configuration_recorder" "main" {
#           name     = "main"
#           role_arn = "arn:aws:iam::123456789012:role/config"
#           recording_group {
#             all_supported                 = true
#             include_global_resource_types = true
#           }
#         }
package rampart.aws.config_recorder_not_recording_all

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_config_configuration_recorder"})
	v := cc.get(r.values, ["recording_group", 0, "all_supported"])
	cc.differs(v, true, false)
	result := {"msg": sprintf("%s does not record every supported resource type", [r.address]), "resource": r.address, "attribute": "recording_group.0.all_supported"}
}
