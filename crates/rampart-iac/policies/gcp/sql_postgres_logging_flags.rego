# METADATA
# title: "Cloud SQL PostgreSQL does not log connections, disconnections, checkpoints and lock waits"
# description: "A PostgreSQL instance does not set the database flags log_connections, log_disconnections, log_checkpoints and log_lock_waits to on."
# custom:
#   id: gcp-sql-postgres-logging-flags
#   severity: low
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "These logs show who connected when and expose brute forcing and abnormal load."
#   remediation: "Add database_flags for each with value \"on\"."
#   references: ["https://cloud.google.com/sql/docs/postgres/flags"]
#   aliases:
#     checkov: [CKV_GCP_52, CKV_GCP_53, CKV_GCP_51, CKV_GCP_54]
#     trivy: [AVD-GCP-0016, AVD-GCP-0022, AVD-GCP-0025, AVD-GCP-0020]
#   examples:
#     fail:
#       - |
#         resource "google_sql_database_instance" "db" {
#           name             = "orders"
#           database_version = "POSTGRES_16"
#           region           = "europe-west1"
#           settings {
#             tier = "db-custom-2-7680"
#             database_flags {
#               name  = "log_connections"
#               value = "on"
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
#       - |
#         resource "google_sql_database_instance" "db" {
#           name             = "orders"
#           database_version = "MYSQL_8_0"
#           region           = "europe-west1"
#           settings {
#             tier = "db-custom-2-7680"
#
#           }
#         }
package rampart.gcp.sql_postgres_logging_flags

import data.rampart.lib.cloud_common as cc
import rego.v1

wanted := ["log_connections", "log_disconnections", "log_checkpoints", "log_lock_waits"]

deny contains result if {
	some r in cc.resources({"google_sql_database_instance"})
	cc.starts(cc.oget(r.values, "database_version", ""), "POSTGRES")
	some i, s in cc.arr(cc.oget(r.values, "settings", []))
	some f in wanted
	not flag_on(s, f)
	result := {"msg": sprintf("%s does not set %s to on", [r.address, f]), "resource": r.address, "attribute": sprintf("settings.%d.database_flags", [i])}
}

flag_on(s, f) if {
	some d in cc.arr(cc.oget(s, "database_flags", []))
	d.name == f
	cc.lower_s(sprintf("%v", [d.value])) == "on"
}
