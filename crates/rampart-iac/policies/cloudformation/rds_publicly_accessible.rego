# METADATA
# title: "RDS instance is publicly accessible (CloudFormation)"
# description: "An AWS::RDS::DBInstance sets PubliclyAccessible to true."
# custom:
#   id: cfn-rds-publicly-accessible
#   severity: high
#   kinds: [cloudformation]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A public endpoint leaves only the password between the internet and the data."
#   remediation: "Set PubliclyAccessible: false."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html"]
#   aliases:
#     checkov: [CKV_AWS_17]
#     trivy: [AVD-AWS-0180]
#   examples:
#     fail:
#       - |
#         Resources:
#           Database:
#             Type: AWS::RDS::DBInstance
#             Properties:
#               Engine: mysql
#               DBInstanceClass: db.t3.micro
#               AllocatedStorage: "20"
#               PubliclyAccessible: true
#               StorageEncrypted: true
#     pass:
#       - |
#         Resources:
#           Database:
#             Type: AWS::RDS::DBInstance
#             Properties:
#               Engine: postgres
#               DBInstanceClass: db.t3.micro
#               AllocatedStorage: "20"
#               MasterUsername: app
#               ManageMasterUserPassword: true
#               PubliclyAccessible: false
#               StorageEncrypted: true
#               KmsKeyId: !Ref DataKey
package rampart.cloudformation.rds_publicly_accessible

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::RDS::DBInstance"})
	cc.is_true(cc.get(r.values, ["PubliclyAccessible"]))
	result := {"msg": sprintf("%s is publicly accessible", [r.address]), "resource": r.address, "attribute": "PubliclyAccessible"}
}
