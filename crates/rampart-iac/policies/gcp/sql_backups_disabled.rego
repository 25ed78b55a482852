# METADATA
# title: "Cloud SQL automated backups are disabled"
# description: "settings.backup_configuration.enabled is not true."
# custom:
#   id: gcp-sql-backups-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [693]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.3.1"]
#   rationale: "Without automated backups there is no recovery point after corruption, deletion or ransomware."
#   remediation: "Add backup_configuration { enabled = true } (and point-in-time recovery)."
#   references: ["https://cloud.google.com/sql/docs/postgres/backup-recovery/backups"]
#   aliases:
#     checkov: [CKV_GCP_14]
#     trivy: [AVD-GCP-0024]
#     tfsec: [google-sql-enable-backup]
#   examples:
#     fail:
#       - |
#         resource "google_sql_database_instance" "db" {
#           name             = "orders"
#           database_version = "POSTGRES_16"
#           region           = "europe-west1"
#           settings {
#             tier = "db-custom-2-7680"
#             backup_configuration {
#               enabled = false
#             }
#           }
#         }
#     pass:
#       - |
#         resource "google_sql_database_instance" "db" {
#           name             = "orders"
#           database_version = "POSTGRES_16"
#           region           = "europe-west1"
#           settings {
#             tier = "db-custom-2-7680"
#             ip_configuration {
#               ipv4_enabled    = false
#               private_network = "projects/corp-prod/global/networks/main"
#               ssl_mode        = "ENCRYPTED_ONLY"
#             }
#             backup_configuration {
#               enabled                        = true
#               point_in_time_recovery_enabled = true
#             }
#             database_flags {
#               name  = "log_connections"
#               value = "on"
#             }
#             database_flags {
#               name  = "log_disconnections"
#               value = "on"
#             }
#             database_flags {
#               name  = "log_checkpoints"
#               value = "on"
#             }
#             database_flags {
#               name  = "log_lock_waits"
#               value = "on"
#             }
#           }
#         }
package rampart.gcp.sql_backups_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_sql_database_instance"})
	v := cc.get(r.values, ["settings", 0, "backup_configuration", 0, "enabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s has automated backups disabled", [r.address]), "resource": r.address, "attribute": "settings.0.backup_configuration.0.enabled"}
}
