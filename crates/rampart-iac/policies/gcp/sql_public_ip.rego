# METADATA
# title: "Cloud SQL instance has a public IP address"
# description: "settings.ip_configuration.ipv4_enabled is true or left at its default (true)."
# custom:
#   id: gcp-sql-public-ip
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A public IP leaves only authorized networks and passwords between the database and the internet."
#   remediation: "Set ipv4_enabled = false with private_network (private IP), and connect through the Cloud SQL Auth Proxy or PSC."
#   references: ["https://cloud.google.com/sql/docs/postgres/configure-private-ip"]
#   aliases:
#     checkov: [CKV_GCP_60]
#   examples:
#     fail:
#       - |
#         resource "google_sql_database_instance" "db" {
#           name             = "orders"
#           database_version = "POSTGRES_16"
#           region           = "europe-west1"
#           settings {
#             tier = "db-custom-2-7680"
#             ip_configuration {
#               ipv4_enabled = true
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
package rampart.gcp.sql_public_ip

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_sql_database_instance"})
	some i, s in cc.arr(cc.oget(r.values, "settings", []))
	ip := cc.oget(s, ["ip_configuration", 0], {})
	not cc.is_or_unknown(cc.oget(ip, "ipv4_enabled", true), false)
	result := {"msg": sprintf("%s has a public IP address", [r.address]), "resource": r.address, "attribute": sprintf("settings.%d.ip_configuration", [i])}
}
