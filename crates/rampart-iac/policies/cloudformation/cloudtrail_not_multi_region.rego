# METADATA
# title: "CloudTrail trail records one region only (CloudFormation)"
# description: "IsMultiRegionTrail is not true on an AWS::CloudTrail::Trail."
# custom:
#   id: cfn-cloudtrail-not-multi-region
#   severity: medium
#   kinds: [cloudformation]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Activity in unwatched regions goes unrecorded."
#   remediation: "Set IsMultiRegionTrail: true."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudtrail-trail.html"]
#   aliases:
#     checkov: [CKV_AWS_67]
#     trivy: [AVD-AWS-0014]
#   examples:
#     fail:
#       - |
#         Resources:
#           Trail:
#             Type: AWS::CloudTrail::Trail
#             Properties:
#               IsLogging: true
#               S3BucketName: !Ref TrailBucket
#               EnableLogFileValidation: true
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
package rampart.cloudformation.cloudtrail_not_multi_region

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::CloudTrail::Trail"})
	v := cc.get(r.values, ["IsMultiRegionTrail"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not record all regions", [r.address]), "resource": r.address, "attribute": "IsMultiRegionTrail"}
}
