# METADATA
# title: "DynamoDB table has no point-in-time recovery"
# description: "The table has no point_in_time_recovery block with enabled = true."
# custom:
#   id: aws-dynamodb-pitr-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [693]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.3.1"]
#   rationale: "Point-in-time recovery is the only way to restore a table to the second before a bad write or deletion."
#   remediation: "Add point_in_time_recovery { enabled = true }."
#   references: ["https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html"]
#   aliases:
#     checkov: [CKV_AWS_28]
#     trivy: [AVD-AWS-0024]
#     tfsec: [aws-dynamodb-enable-recovery]
#   examples:
#     fail:
#       - |
#         resource "aws_dynamodb_table" "orders" {
#           name     = "orders"
#           hash_key = "id"
#           billing_mode = "PAY_PER_REQUEST"
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
#           billing_mode = "PAY_PER_REQUEST"
#           attribute {
#             name = "id"
#             type = "S"
#           }
#           point_in_time_recovery {
#             enabled = true
#           }
#         }
package rampart.aws.dynamodb_pitr_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_dynamodb_table"})
	v := cc.get(r.values, ["point_in_time_recovery", 0, "enabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s has no point-in-time recovery", [r.address]), "resource": r.address, "attribute": "point_in_time_recovery.0.enabled"}
}
