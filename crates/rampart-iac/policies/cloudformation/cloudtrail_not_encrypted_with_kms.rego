# METADATA
# title: "CloudTrail logs are not encrypted with KMS (CloudFormation)"
# description: "An AWS::CloudTrail::Trail has no KMSKeyId."
# custom:
#   id: cfn-cloudtrail-not-encrypted-with-kms
#   severity: medium
#   kinds: [cloudformation]
#   cwe: [311]
#   owasp: ["A02:2021", "A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "SSE-KMS puts a key policy between readers of the log bucket and the audit trail."
#   remediation: "Set KMSKeyId to a customer managed key."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudtrail-trail.html"]
#   aliases:
#     checkov: [CKV_AWS_35]
#     trivy: [AVD-AWS-0015]
#   examples:
#     fail:
#       - |
#         Resources:
#           Trail:
#             Type: AWS::CloudTrail::Trail
#             Properties:
#               IsLogging: true
#               S3BucketName: !Ref TrailBucket
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
package rampart.cloudformation.cloudtrail_not_encrypted_with_kms

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::CloudTrail::Trail"})
	cc.blank(cc.get(r.values, ["KMSKeyId"]))
	result := {"msg": sprintf("%s does not encrypt logs with a KMS key", [r.address]), "resource": r.address, "attribute": "KMSKeyId"}
}
