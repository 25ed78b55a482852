# METADATA
# title: "RDS/Aurora cluster storage is not encrypted"
# description: "The cluster does not set storage_encrypted = true (provisioned Aurora clusters default to unencrypted)."
# custom:
#   id: aws-rds-cluster-storage-not-encrypted
#   severity: high
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Unencrypted cluster volumes and their snapshots expose every row they hold."
#   remediation: "Set storage_encrypted = true with a kms_key_id when creating the cluster."
#   references: ["https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html"]
#   aliases:
#     checkov: [CKV_AWS_96]
#     trivy: [AVD-AWS-0079]
#     tfsec: [aws-rds-encrypt-cluster-storage-data]
#   examples:
#     fail:
#       - |
#         resource "aws_rds_cluster" "main" {
#           cluster_identifier = "main"
#           engine             = "aurora-postgresql"
#           master_username    = "app"
#           manage_master_user_password = true
#         }
#     pass:
#       - |
#         resource "aws_rds_cluster" "main" {
#           cluster_identifier = "main"
#           engine             = "aurora-postgresql"
#           master_username    = "app"
#           manage_master_user_password = true
#           storage_encrypted  = true
#           kms_key_id         = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#         }
package rampart.aws.rds_cluster_storage_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_rds_cluster"})
	cc.oget(r.values, "engine_mode", "provisioned") != "serverless"
	cc.blank(cc.get(r.values, ["replication_source_identifier"]))
	cc.blank(cc.get(r.values, ["snapshot_identifier"]))
	cc.differs(cc.get(r.values, ["storage_encrypted"]), true, true)
	result := {"msg": sprintf("%s does not encrypt its storage", [r.address]), "resource": r.address, "attribute": "storage_encrypted"}
}
