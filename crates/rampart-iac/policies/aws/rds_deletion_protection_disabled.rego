# METADATA
# title: "RDS database has no deletion protection"
# description: "An RDS instance or cluster does not set deletion_protection = true."
# custom:
#   id: aws-rds-deletion-protection-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [693]
#   owasp: ["A04:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Deletion protection stops an errant terraform destroy, a script or an attacker from deleting the database in one call."
#   remediation: "Set deletion_protection = true on production databases."
#   references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection"]
#   aliases:
#     checkov: [CKV_AWS_293, CKV_AWS_139]
#     trivy: [AVD-AWS-0177, AVD-AWS-0343]
#     tfsec: [aws-rds-enable-deletion-protection, aws-rds-enable-cluster-deletion-protection]
#   examples:
#     fail:
#       - |
#         resource "aws_db_instance" "db" {
#           identifier     = "orders"
#           engine         = "postgres"
#           instance_class = "db.t3.micro"
#           deletion_protection = false
#         }
#     pass:
#       - |
#         resource "aws_db_instance" "db" {
#           identifier     = "orders"
#           engine         = "postgres"
#           instance_class = "db.t3.micro"
#           deletion_protection = true
#         }
package rampart.aws.rds_deletion_protection_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_db_instance", "aws_rds_cluster"})
	v := cc.get(r.values, ["deletion_protection"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s has no deletion protection", [r.address]), "resource": r.address, "attribute": "deletion_protection"}
}
