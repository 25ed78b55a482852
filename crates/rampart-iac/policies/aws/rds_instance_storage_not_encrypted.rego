# METADATA
# title: "RDS instance storage is not encrypted"
# description: "The database instance does not set storage_encrypted = true (the default is unencrypted)."
# custom:
#   id: aws-rds-instance-storage-not-encrypted
#   severity: high
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Unencrypted storage exposes data, snapshots and read replicas to anyone who obtains the volumes or a shared snapshot."
#   remediation: "Set storage_encrypted = true with a kms_key_id (encryption can only be enabled at creation; restore from an encrypted snapshot copy)."
#   references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html"]
#   aliases:
#     checkov: [CKV_AWS_16]
#     trivy: [AVD-AWS-0080]
#     tfsec: [aws-rds-encrypt-instance-storage-data]
#   examples:
#     fail:
#       - |
#         resource "aws_db_instance" "db" {
#           identifier     = "orders"
#           engine         = "postgres"
#           instance_class = "db.t3.micro"
#           storage_encrypted = false
#         }
#       - |
#         resource "aws_db_instance" "db" {
#           identifier     = "orders"
#           engine         = "postgres"
#           instance_class = "db.t3.micro"
#           allocated_storage = 20
#         }
#     pass:
#       - |
#         resource "aws_db_instance" "db" {
#           identifier     = "orders"
#           engine         = "postgres"
#           instance_class = "db.t3.micro"
#           storage_encrypted = true
#         }
#       - |
#         resource "aws_db_instance" "replica" {
#           identifier          = "orders-replica"
#           instance_class      = "db.t3.micro"
#           replicate_source_db = "orders"
#         }
package rampart.aws.rds_instance_storage_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_db_instance"})
	cc.blank(cc.get(r.values, ["replicate_source_db"]))
	cc.blank(cc.get(r.values, ["snapshot_identifier"]))
	cc.differs(cc.get(r.values, ["storage_encrypted"]), true, true)
	result := {"msg": sprintf("%s does not encrypt its storage", [r.address]), "resource": r.address, "attribute": "storage_encrypted"}
}
