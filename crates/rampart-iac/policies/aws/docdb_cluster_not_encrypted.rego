# METADATA
# title: "DocumentDB cluster storage is not encrypted"
# description: "An aws_docdb_cluster does not set storage_encrypted = true (the default is unencrypted)."
# custom:
#   id: aws-docdb-cluster-not-encrypted
#   severity: high
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Document stores hold application records; unencrypted storage and snapshots expose them."
#   remediation: "Set storage_encrypted = true with a kms_key_id (only possible at creation)."
#   references: ["https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html"]
#   aliases:
#     checkov: [CKV_AWS_74]
#     trivy: [AVD-AWS-0021]
#     tfsec: [aws-documentdb-enable-storage-encryption]
#   examples:
#     fail:
#       - |
#         resource "aws_docdb_cluster" "docs" {
#           cluster_identifier = "docs"
#           engine             = "docdb"
#           master_username    = "app"
#           manage_master_user_password = true
#         }
#     pass:
#       - |
#         resource "aws_docdb_cluster" "docs" {
#           cluster_identifier = "docs"
#           engine             = "docdb"
#           master_username    = "app"
#           manage_master_user_password = true
#           storage_encrypted  = true
#         }
package rampart.aws.docdb_cluster_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_docdb_cluster"})
	v := cc.get(r.values, ["storage_encrypted"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not encrypt its storage", [r.address]), "resource": r.address, "attribute": "storage_encrypted"}
}
