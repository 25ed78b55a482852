# METADATA
# title: "DynamoDB table has no point-in-time recovery (CloudFormation)"
# description: "An AWS::DynamoDB::Table does not set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled to true."
# custom:
#   id: cfn-dynamodb-pitr-disabled
#   severity: medium
#   kinds: [cloudformation]
#   cwe: [693]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.3.1"]
#   rationale: "Point-in-time recovery restores a table to the second before a bad write or deletion."
#   remediation: "Set PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-table.html"]
#   aliases:
#     checkov: [CKV_AWS_28]
#     trivy: [AVD-AWS-0024]
#   examples:
#     fail:
#       - |
#         Resources:
#           Orders:
#             Type: AWS::DynamoDB::Table
#             Properties:
#               BillingMode: PAY_PER_REQUEST
#               AttributeDefinitions:
#                 - AttributeName: id
#                   AttributeType: S
#               KeySchema:
#                 - AttributeName: id
#                   KeyType: HASH
#     pass:
#       - |
#         Resources:
#           Orders:
#             Type: AWS::DynamoDB::Table
#             Properties:
#               BillingMode: PAY_PER_REQUEST
#               AttributeDefinitions:
#                 - AttributeName: id
#                   AttributeType: S
#               KeySchema:
#                 - AttributeName: id
#                   KeyType: HASH
#               PointInTimeRecoverySpecification:
#                 PointInTimeRecoveryEnabled: true
package rampart.cloudformation.dynamodb_pitr_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::DynamoDB::Table"})
	v := cc.get(r.values, ["PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s has no point-in-time recovery", [r.address]), "resource": r.address, "attribute": "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled"}
}
