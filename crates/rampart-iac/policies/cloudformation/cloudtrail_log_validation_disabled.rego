# METADATA
# title: "CloudTrail log file validation is disabled (CloudFormation)"
# description: "EnableLogFileValidation is not true on an AWS::CloudTrail::Trail."
# custom:
#   id: cfn-cloudtrail-log-validation-disabled
#   severity: medium
#   kinds: [cloudformation]
#   cwe: [354]
#   owasp: ["A08:2021", "A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without digest files, tampering with the logs cannot be detected."
#   remediation: "Set EnableLogFileValidation: true."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudtrail-trail.html"]
#   aliases:
#     checkov: [CKV_AWS_36]
#     trivy: [AVD-AWS-0016]
#   examples:
#     fail:
#       - |
#         Resources:
#           Trail:
#             Type: AWS::CloudTrail::Trail
#             Properties:
#               IsLogging: true
#               S3BucketName: !Ref TrailBucket
#               IsMultiRegionTrail: true
#     pass:
#       - |
#         Resources:
#           Trail:
#             Type: AWS::CloudTrail::Trail
#             Properties:
#               IsLogging: true
#               S3BucketName: !Ref TrailBucket
#               IsMultiRegionTrail: true
#               EnableLogFileValidation: true
#               KMSKeyId: !GetAtt TrailKey.Arn
package rampart.cloudformation.cloudtrail_log_validation_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::CloudTrail::Trail"})
	v := cc.get(r.values, ["EnableLogFileValidation"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not validate its log files", [r.address]), "resource": r.address, "attribute": "EnableLogFileValidation"}
}
