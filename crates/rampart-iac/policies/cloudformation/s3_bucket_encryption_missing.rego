# METADATA
# title: "S3 bucket has no default encryption configured (CloudFormation)"
# description: "An AWS::S3::Bucket has no BucketEncryption."
# custom:
#   id: cfn-s3-bucket-encryption-missing
#   severity: low
#   kinds: [cloudformation]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "S3 applies SSE-S3 by default since 2023, but explicit configuration records intent and is where a customer managed KMS key is chosen."
#   remediation: "Add BucketEncryption with SSEAlgorithm aws:kms and a KMSMasterKeyID."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-bucket-bucketencryption.html"]
#   aliases:
#     checkov: [CKV_AWS_19]
#     trivy: [AVD-AWS-0088]
#   examples:
#     fail:
#       - |
#         Resources:
#           Bucket:
#             Type: AWS::S3::Bucket
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
package rampart.cloudformation.s3_bucket_encryption_missing

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::S3::Bucket"})
	cc.blank(cc.get(r.values, ["BucketEncryption"]))
	result := {"msg": sprintf("%s has no default encryption configuration", [r.address]), "resource": r.address}
}
