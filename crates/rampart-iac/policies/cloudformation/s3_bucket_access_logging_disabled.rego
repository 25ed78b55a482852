# METADATA
# title: "S3 bucket has no server access logging (CloudFormation)"
# description: "An AWS::S3::Bucket has no LoggingConfiguration."
# custom:
#   id: cfn-s3-bucket-access-logging-disabled
#   severity: low
#   kinds: [cloudformation]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Access logs show who read or changed objects."
#   remediation: "Add LoggingConfiguration with a DestinationBucketName."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-bucket-loggingconfiguration.html"]
#   aliases:
#     checkov: [CKV_AWS_18]
#     trivy: [AVD-AWS-0089]
#   examples:
#     fail:
#       - |
#         Resources:
#           Bucket:
#             Type: AWS::S3::Bucket
#             Properties:
#               VersioningConfiguration:
#                 Status: Enabled
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
package rampart.cloudformation.s3_bucket_access_logging_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::S3::Bucket"})
	cc.blank(cc.get(r.values, ["LoggingConfiguration"]))
	result := {"msg": sprintf("%s has no server access logging", [r.address]), "resource": r.address, "attribute": "LoggingConfiguration"}
}
