# METADATA
# title: "Cloud SQL instance accepts unencrypted connections"
# description: "ip_configuration neither sets ssl_mode to ENCRYPTED_ONLY / TRUSTED_CLIENT_CERTIFICATE_REQUIRED nor require_ssl = true."
# custom:
#   id: gcp-sql-ssl-not-required
#   severity: high
#   kinds: [terraform]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without enforced TLS, credentials and query results can cross the network in clear text."
#   remediation: "Set ssl_mode = \"ENCRYPTED_ONLY\" (or TRUSTED_CLIENT_CERTIFICATE_REQUIRED)."
#   references: ["https://cloud.google.com/sql/docs/postgres/configure-ssl-instance"]
#   aliases:
#     checkov: [CKV_GCP_6]
#     trivy: [AVD-GCP-0015]
#     tfsec: [google-sql-encrypt-in-transit-data]
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
#               ipv4_enabled    = false
#               private_network = "projects/corp-prod/global/networks/main"
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
package rampart.gcp.sql_ssl_not_required

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_sql_database_instance"})
	some i, s in cc.arr(cc.oget(r.values, "settings", []))
	ip := cc.oget(s, ["ip_configuration", 0], {})
	not ssl_ok(ip)
	result := {"msg": sprintf("%s does not require SSL connections", [r.address]), "resource": r.address, "attribute": sprintf("settings.%d.ip_configuration", [i])}
}

ssl_ok(ip) if cc.oget(ip, "ssl_mode", "") in {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

ssl_ok(ip) if cc.unknown(cc.oget(ip, "ssl_mode", ""))

ssl_ok(ip) if cc.is_or_unknown(cc.oget(ip, "require_ssl", false), true)
