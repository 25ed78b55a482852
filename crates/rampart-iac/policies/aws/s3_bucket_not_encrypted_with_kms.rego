# METADATA
# title: "S3 bucket default encryption does not use KMS"
# description: "The bucket's default encryption uses SSE-S3 (AES256) or is not configured, so no KMS key policy controls who can decrypt its objects."
# custom:
#   id: aws-s3-bucket-not-encrypted-with-kms
#   severity: low
#   kinds: [terraform]
#   cwe: [311, 326]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "With SSE-KMS, reading an object also requires kms:Decrypt on the key, a second independent control that is logged in CloudTrail."
#   remediation: "Use sse_algorithm \"aws:kms\" (or \"aws:kms:dsse\") with kms_master_key_id set to a customer managed key."
#   references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html"]
#   aliases:
#     checkov: [CKV_AWS_145]
#     trivy: [AVD-AWS-0132]
#     tfsec: [aws-s3-encryption-customer-key]
#   examples:
#     fail:
#       - |
#         resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
#           bucket = "corp-data"
#           rule {
#             apply_server_side_encryption_by_default {
#               sse_algorithm = "AES256"
#             }
#           }
#         }
#     pass:
#       - |
#         resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
#           bucket = "corp-data"
#           rule {
#             apply_server_side_encryption_by_default {
#               sse_algorithm     = "aws:kms"
#               kms_master_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#             }
#           }
#         }
package rampart.aws.s3_bucket_not_encrypted_with_kms

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_s3_bucket_server_side_encryption_configuration"})
	some i, rule in cc.arr(cc.oget(r.values, "rule", []))
	some j, d in cc.arr(cc.oget(rule, "apply_server_side_encryption_by_default", []))
	alg := cc.oget(d, "sse_algorithm", "")
	not cc.unknown(alg)
	not cc.starts(alg, "aws:kms")
	result := {"msg": sprintf("%s encrypts with %q instead of a KMS key", [r.address, alg]), "resource": r.address, "attribute": sprintf("rule.%d.apply_server_side_encryption_by_default.%d.sse_algorithm", [i, j])}
}

deny contains result if {
	some b in cc.resources({"aws_s3_bucket"})
	some i, c in cc.arr(cc.oget(b.values, "server_side_encryption_configuration", []))
	some rule in cc.arr(cc.oget(c, "rule", []))
	some d in cc.arr(cc.oget(rule, "apply_server_side_encryption_by_default", []))
	alg := cc.oget(d, "sse_algorithm", "")
	not cc.unknown(alg)
	not cc.starts(alg, "aws:kms")
	result := {"msg": sprintf("S3 bucket %s encrypts with %q instead of a KMS key", [b.address, alg]), "resource": b.address, "attribute": sprintf("server_side_encryption_configuration.%d", [i])}
}
