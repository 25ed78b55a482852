# METADATA
# title: "S3 bucket ACL grants public access (CloudFormation)"
# description: "AccessControl is PublicRead, PublicReadWrite or AuthenticatedRead on an AWS::S3::Bucket whose public access block does not ignore public ACLs."
# custom:
#   id: cfn-s3-bucket-public-acl
#   severity: high
#   kinds: [cloudformation]
#   cwe: [284, 732]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Public bucket ACLs expose every object to the internet (or to every AWS account)."
#   remediation: "Remove AccessControl (or use Private) and set PublicAccessBlockConfiguration with all four settings true."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucket.html", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl"]
#   aliases:
#     checkov: [CKV_AWS_20, CKV_AWS_57]
#     trivy: [AVD-AWS-0092]
#   examples:
#     fail:
#       - |
#         Resources:
#           Site:
#             Type: AWS::S3::Bucket
#             Properties:
#               AccessControl: PublicRead
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
#       - |
#         Resources:
#           Site:
#             Type: AWS::S3::Bucket
#             Properties:
#               AccessControl: PublicRead
#               PublicAccessBlockConfiguration:
#                 BlockPublicAcls: true
#                 IgnorePublicAcls: true
#                 BlockPublicPolicy: true
#                 RestrictPublicBuckets: true
package rampart.cloudformation.s3_bucket_public_acl

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::S3::Bucket"})
	acl := cc.oget(r.values, "AccessControl", "Private")
	acl in {"PublicRead", "PublicReadWrite", "AuthenticatedRead"}
	not ignores_public_acls(r)
	result := {"msg": sprintf("%s has the public ACL %s", [r.address, acl]), "resource": r.address, "attribute": "AccessControl"}
}

ignores_public_acls(r) if cc.is_true(cc.get(r.values, ["PublicAccessBlockConfiguration", "IgnorePublicAcls"]))

ignores_public_acls(r) if cc.unknown(cc.get(r.values, ["PublicAccessBlockConfiguration", "IgnorePublicAcls"]))
