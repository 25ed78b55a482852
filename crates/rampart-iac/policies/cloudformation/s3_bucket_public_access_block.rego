# METADATA
# title: "S3 bucket public access block is missing or incomplete (CloudFormation)"
# description: "An AWS::S3::Bucket has no PublicAccessBlockConfiguration, or one of BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls, RestrictPublicBuckets is not true."
# custom:
#   id: cfn-s3-bucket-public-access-block
#   severity: high
#   kinds: [cloudformation]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Each setting closes a path to public exposure; without them one ACL or policy change makes data public."
#   remediation: "Set PublicAccessBlockConfiguration with all four settings true."
#   references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"]
#   aliases:
#     checkov: [CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56]
#     trivy: [AVD-AWS-0086, AVD-AWS-0087, AVD-AWS-0091, AVD-AWS-0093, AVD-AWS-0094]
#   examples:
#     fail:
#       - |
#         Resources:
#           Bucket:
#             Type: AWS::S3::Bucket
#             Properties:
#               VersioningConfiguration:
#                 Status: Enabled
#       - |
#         Resources:
#           Bucket:
#             Type: AWS::S3::Bucket
#             Properties:
#               PublicAccessBlockConfiguration:
#                 BlockPublicAcls: true
#                 BlockPublicPolicy: false
#                 IgnorePublicAcls: true
#                 RestrictPublicBuckets: true
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
package rampart.cloudformation.s3_bucket_public_access_block

import data.rampart.lib.cloud_common as cc
import rego.v1

flags := ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]

deny contains result if {
	some r in cc.resources({"AWS::S3::Bucket"})
	cfg := cc.get(r.values, ["PublicAccessBlockConfiguration"])
	cfg == null
	result := {"msg": sprintf("%s has no public access block", [r.address]), "resource": r.address}
}

deny contains result if {
	some r in cc.resources({"AWS::S3::Bucket"})
	cfg := cc.get(r.values, ["PublicAccessBlockConfiguration"])
	is_object(cfg)
	some f in flags
	not cc.is_true(cc.oget(cfg, f, false))
	not cc.unknown(cc.oget(cfg, f, false))
	result := {"msg": sprintf("%s does not set %s to true", [r.address, f]), "resource": r.address, "attribute": sprintf("PublicAccessBlockConfiguration.%s", [f])}
}
