# METADATA
# title: "DynamoDB table is not encrypted with a customer managed key"
# description: "The table relies on the AWS owned key: no server_side_encryption block with enabled = true."
# custom:
#   id: aws-dynamodb-not-encrypted-with-cmk
#   severity: low
#   kinds: [terraform]
#   cwe: [311, 326]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "With an AWS owned key you cannot audit or revoke decryption; a customer managed key puts access under your key policy and CloudTrail."
#   remediation: "Add server_side_encryption { enabled = true, kms_key_arn = <customer managed key> }."
#   references: ["https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html"]
#   aliases:
#     checkov: [CKV_AWS_119]
#     trivy: [AVD-AWS-0025]
#     tfsec: [aws-dynamodb-table-customer-key]
#   examples:
#     fail:
#       - |
#         resource "aws_dynamodb_table" "orders" {
#           name     = "orders"
#           hash_key = "id"
#           attribute {
#             name = "id"
#             type = "S"
#           }
#         }
#     pass:
#       - |
#         resource "aws_dynamodb_table" "orders" {
#           name     = "orders"
#           hash_key = "id"
#           attribute {
#             name = "id"
#             type = "S"
#           }
#           server_side_encryption {
#             enabled     = true
#             kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#           }
#         }
package rampart.aws.dynamodb_not_encrypted_with_cmk

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_dynamodb_table"})
	v := cc.get(r.values, ["server_side_encryption", 0, "enabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s is not encrypted with a customer managed KMS key", [r.address]), "resource": r.address, "attribute": "server_side_encryption.0.enabled"}
}
