# METADATA
# title: "Launch template allows IMDSv1 (CloudFormation)"
# description: "An AWS::EC2::LaunchTemplate does not set MetadataOptions.HttpTokens to required."
# custom:
#   id: cfn-ec2-imdsv1-allowed
#   severity: high
#   kinds: [cloudformation]
#   cwe: [918]
#   owasp: ["A10:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "IMDSv1 hands the instance role's credentials to any SSRF in code running on the host."
#   remediation: "Set LaunchTemplateData.MetadataOptions.HttpTokens: required."
#   references: ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html"]
#   aliases:
#     checkov: [CKV_AWS_79]
#     trivy: [AVD-AWS-0130]
#   examples:
#     fail:
#       - |
#         Resources:
#           Template:
#             Type: AWS::EC2::LaunchTemplate
#             Properties:
#               LaunchTemplateData:
#                 InstanceType: t3.micro
#     pass:
#       - |
#         Resources:
#           Template:
#             Type: AWS::EC2::LaunchTemplate
#             Properties:
#               LaunchTemplateData:
#                 InstanceType: t3.micro
#                 MetadataOptions:
#                   HttpTokens: required
#                   HttpEndpoint: enabled
package rampart.cloudformation.ec2_imdsv1_allowed

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::EC2::LaunchTemplate"})
	mo := cc.oget(r.values, ["LaunchTemplateData", "MetadataOptions"], {})
	not cc.unknown(mo)
	not cc.unknown(cc.oget(r.values, "LaunchTemplateData", {}))
	not cc.is_or_unknown(cc.oget(mo, "HttpEndpoint", "enabled"), "disabled")
	t := cc.oget(mo, "HttpTokens", "optional")
	not cc.unknown(t)
	t != "required"
	result := {"msg": sprintf("%s allows IMDSv1", [r.address]), "resource": r.address, "attribute": "LaunchTemplateData.MetadataOptions.HttpTokens"}
}
