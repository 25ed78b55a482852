# METADATA
# title: "Cloud SQL SQL Server enables cross-database ownership chaining or contained database authentication"
# description: "A SQL Server instance sets cross db ownership chaining or contained database authentication to on."
# custom:
#   id: gcp-sql-sqlserver-unsafe-flags
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Ownership chaining lets permissions leak across databases; contained users authenticate without the server's login controls."
#   remediation: "Set both flags to off."
#   references: ["https://cloud.google.com/sql/docs/sqlserver/flags"]
#   aliases:
#     checkov: [CKV_GCP_58, CKV_GCP_59]
#     trivy: [AVD-GCP-0019, AVD-GCP-0023]
#   examples:
#     fail:
#       - |
#         resource "google_sql_database_instance" "db" {
#           name             = "orders"
#           database_version = "SQLSERVER_2022_STANDARD"
#           region           = "europe-west1"
#           settings {
#             tier = "db-custom-2-7680"
#             database_flags {
#               name  = "cross db ownership chaining"
#               value = "on"
#             }
#           }
#         }
#     pass:
#       - |
#         resource "google_sql_database_instance" "db" {
#           name             = "orders"
#           database_version = "SQLSERVER_2022_STANDARD"
#           region           = "europe-west1"
#           settings {
#             tier = "db-custom-2-7680"
#             database_flags {
#               name  = "cross db ownership chaining"
#               value = "off"
#             }
#           }
#         }
package rampart.gcp.sql_sqlserver_unsafe_flags

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_sql_database_instance"})
	cc.starts(cc.oget(r.values, "database_version", ""), "SQLSERVER")
	some i, s in cc.arr(cc.oget(r.values, "settings", []))
	some d in cc.arr(cc.oget(s, "database_flags", []))
	d.name in {"cross db ownership chaining", "contained database authentication"}
	cc.lower_s(sprintf("%v", [d.value])) == "on"
	result := {"msg": sprintf("%s sets %s to on", [r.address, d.name]), "resource": r.address, "attribute": sprintf("settings.%d.database_flags", [i])}
}
