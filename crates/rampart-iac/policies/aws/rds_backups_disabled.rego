# METADATA
# title: "RDS automated backups are disabled or too short"
# description: "backup_retention_period is 0 (automated backups off) or below 7 days on an instance or cluster."
# custom:
#   id: aws-rds-backups-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [693]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.3.1"]
#   rationale: "Without automated backups there is no point-in-time recovery after corruption, deletion or ransomware."
#   remediation: "Set backup_retention_period to 7 days or more."
#   references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html"]
#   aliases:
#     trivy: [AVD-AWS-0077]
#     tfsec: [aws-rds-specify-backup-retention]
#   examples:
#     fail:
#       - |
#         resource "aws_db_instance" "db" {
#           identifier     = "orders"
#           engine         = "postgres"
#           instance_class = "db.t3.micro"
#           backup_retention_period = 0
#         }
#     pass:
#       - |
#         resource "aws_db_instance" "db" {
#           identifier     = "orders"
#           engine         = "postgres"
#           instance_class = "db.t3.micro"
#           backup_retention_period = 14
#         }
package rampart.aws.rds_backups_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_db_instance", "aws_rds_cluster"})
	v := cc.get(r.values, ["backup_retention_period"])
	v != null
	not cc.unknown(v)
	cc.num(v) < 7
	result := {"msg": sprintf("%s keeps automated backups for fewer than 7 days (%v)", [r.address, v]), "resource": r.address, "attribute": "backup_retention_period"}
}
