# METADATA
# title: "S3 bucket versioning is not enabled (CloudFormation)"
# description: "VersioningConfiguration.Status is not Enabled on an AWS::S3::Bucket."
# custom:
#   id: cfn-s3-bucket-versioning-disabled
#   severity: medium
#   kinds: [cloudformation]
#   cwe: [693]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.3.1"]
#   rationale: "Without versions, overwrites and deletions destroy the only copy."
#   remediation: "Set VersioningConfiguration: {Status: Enabled}."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-bucket-versioningconfiguration.html"]
#   aliases:
#     checkov: [CKV_AWS_21]
#     trivy: [AVD-AWS-0090]
#   examples:
#     fail:
#       - |
#         Resources:
#           Bucket:
#             Type: AWS::S3::Bucket
#             Properties:
#               VersioningConfiguration:
#                 Status: Suspended
#     pass:
#       - |
#         Resources:
#           Bucket:
#             Type: AWS::S3::Bucket
#             Properties:
#               BucketName: !Sub "${AWS::AccountId}-data"
#               PublicAccessBlockConfiguration:
#                 BlockPublicAcls: true
#                 BlockPublicPolicy: true
#                 IgnorePublicAcls: true
#                 RestrictPublicBuckets: true
#               BucketEncryption:
#                 ServerSideEncryptionConfiguration:
#                   - ServerSideEncryptionByDefault:
#                       SSEAlgorithm: aws:kms
#                       KMSMasterKeyID: !Ref DataKey
#               VersioningConfiguration:
#                 Status: Enabled
#               LoggingConfiguration:
#                 DestinationBucketName: !Ref LogBucket
#                 LogFilePrefix: data/
package rampart.cloudformation.s3_bucket_versioning_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::S3::Bucket"})
	v := cc.get(r.values, ["VersioningConfiguration", "Status"])
	cc.differs(v, "Enabled", true)
	result := {"msg": sprintf("%s does not enable versioning", [r.address]), "resource": r.address, "attribute": "VersioningConfiguration.Status"}
}
