# METADATA
# title: "Cloud SQL MySQL allows LOAD DATA LOCAL"
# description: "A MySQL instance sets the local_infile flag to on."
# custom:
#   id: gcp-sql-mysql-local-infile-on
#   severity: medium
#   kinds: [terraform]
#   cwe: [73]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "local_infile lets a malicious server or an SQL injection read files from client hosts."
#   remediation: "Set local_infile to off (or remove the flag)."
#   references: ["https://cloud.google.com/sql/docs/mysql/flags"]
#   aliases:
#     checkov: [CKV_GCP_50]
#     trivy: [AVD-GCP-0026]
#     tfsec: [google-sql-mysql-no-local-infile]
#   examples:
#     fail:
#       - |
#         resource "google_sql_database_instance" "db" {
#           name             = "orders"
#           database_version = "MYSQL_8_0"
#           region           = "europe-west1"
#           settings {
#             tier = "db-custom-2-7680"
#             database_flags {
#               name  = "local_infile"
#               value = "on"
#             }
#           }
#         }
#     pass:
#       - |
#         resource "google_sql_database_instance" "db" {
#           name             = "orders"
#           database_version = "MYSQL_8_0"
#           region           = "europe-west1"
#           settings {
#             tier = "db-custom-2-7680"
#             database_flags {
#               name  = "local_infile"
#               value = "off"
#             }
#           }
#         }
package rampart.gcp.sql_mysql_local_infile_on

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_sql_database_instance"})
	cc.starts(cc.oget(r.values, "database_version", ""), "MYSQL")
	some i, s in cc.arr(cc.oget(r.values, "settings", []))
	some d in cc.arr(cc.oget(s, "database_flags", []))
	d.name == "local_infile"
	cc.lower_s(sprintf("%v", [d.value])) == "on"
	result := {"msg": sprintf("%s enables local_infile", [r.address]), "resource": r.address, "attribute": sprintf("settings.%d.database_flags", [i])}
}
