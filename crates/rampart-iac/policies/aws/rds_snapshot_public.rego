# METADATA
# title: "RDS snapshot is shared with every AWS account"
# description: "An aws_db_snapshot or aws_db_cluster_snapshot lists \"all\" in shared_accounts, which makes the snapshot public."
# custom:
#   id: aws-rds-snapshot-public
#   severity: critical
#   kinds: [terraform]
#   cwe: [284, 200]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Anyone can restore a public snapshot into their own account and read every row."
#   remediation: "Remove \"all\" from shared_accounts; share with specific account ids (and use a customer managed KMS key, which also blocks public sharing)."
#   references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html"]
#   aliases:
#     checkov: [CKV_AWS_302]
#   examples:
#     fail:
#       - |
#         resource "aws_db_snapshot" "nightly" {
#           db_instance_identifier = "orders"
#           db_snapshot_identifier = "orders-nightly"
#           shared_accounts        = ["all"]
#         }
#     pass:
#       - |
#         resource "aws_db_snapshot" "nightly" {
#           db_instance_identifier = "orders"
#           db_snapshot_identifier = "orders-nightly"
#           shared_accounts        = ["210987654321"]
#         }
package rampart.aws.rds_snapshot_public

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_db_snapshot", "aws_db_cluster_snapshot"})
	"all" in cc.arr(cc.oget(r.values, "shared_accounts", []))
	result := {"msg": sprintf("%s is shared with all AWS accounts", [r.address]), "resource": r.address, "attribute": "shared_accounts"}
}
