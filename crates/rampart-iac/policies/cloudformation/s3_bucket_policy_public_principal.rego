# METADATA
# title: "S3 bucket policy allows any principal (CloudFormation)"
# description: "An AWS::S3::BucketPolicy has an Allow statement for Principal \"*\" without a condition."
# custom:
#   id: cfn-s3-bucket-policy-public-principal
#   severity: high
#   kinds: [cloudformation]
#   cwe: [284, 732]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A wildcard principal opens the bucket to every AWS account and anonymous users."
#   remediation: "Name the principals, or restrict the wildcard with aws:SourceVpce / aws:PrincipalOrgID conditions."
#   references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html"]
#   examples:
#     fail:
#       - |
#         Resources:
#           Policy:
#             Type: AWS::S3::BucketPolicy
#             Properties:
#               Bucket: !Ref Bucket
#               PolicyDocument:
#                 Version: "2012-10-17"
#                 Statement:
#                   - Effect: Allow
#                     Principal: "*"
#                     Action: s3:GetObject
#                     Resource: !Sub "arn:aws:s3:::${Bucket}/*"
#     pass:
#       - |
#         Resources:
#           Policy:
#             Type: AWS::S3::BucketPolicy
#             Properties:
#               Bucket: !Ref Bucket
#               PolicyDocument:
#                 Version: "2012-10-17"
#                 Statement:
#                   - Effect: Deny
#                     Principal: "*"
#                     Action: "s3:*"
#                     Resource: !Sub "arn:aws:s3:::${Bucket}/*"
#                     Condition:
#                       Bool:
#                         aws:SecureTransport: "false"
#                   - Effect: Allow
#                     Principal:
#                       AWS: arn:aws:iam::123456789012:role/reader
#                     Action: s3:GetObject
#                     Resource: !Sub "arn:aws:s3:::${Bucket}/*"
package rampart.cloudformation.s3_bucket_policy_public_principal

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::S3::BucketPolicy"})
	some s in aws.cfn_allows(r)
	aws.public_principal(s)
	not s.conditioned
	result := {"msg": sprintf("%s allows any principal without a condition", [r.address]), "resource": r.address, "attribute": "PolicyDocument"}
}
