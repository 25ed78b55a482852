# METADATA
# title: "Cloud SQL instance authorizes 0.0.0.0/0"
# description: "An authorized_networks entry of the instance's public IP configuration is 0.0.0.0/0."
# custom:
#   id: gcp-sql-authorized-network-world
#   severity: critical
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "The database accepts connections from every address on the internet."
#   remediation: "Remove the entry; use private IP or the Cloud SQL Auth Proxy."
#   references: ["https://cloud.google.com/sql/docs/mysql/authorize-networks"]
#   aliases:
#     checkov: [CKV_GCP_11]
#     trivy: [AVD-GCP-0017]
#     tfsec: [google-sql-no-public-access]
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
#               authorized_networks {
#                 name  = "anyone"
#                 value = "0.0.0.0/0"
#               }
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
package rampart.gcp.sql_authorized_network_world

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_sql_database_instance"})
	some i, s in cc.arr(cc.oget(r.values, "settings", []))
	some j, ip in cc.arr(cc.oget(s, "ip_configuration", []))
	some k, n in cc.arr(cc.oget(ip, "authorized_networks", []))
	cc.oget(n, "value", "") in {"0.0.0.0/0", "0.0.0.0"}
	result := {"msg": sprintf("%s accepts connections from 0.0.0.0/0", [r.address]), "resource": r.address, "attribute": sprintf("settings.%d.ip_configuration.%d.authorized_networks.%d.value", [i, j, k])}
}
