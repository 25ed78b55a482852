# METADATA
# title: "Azure SQL server has no auditing"
# description: "No azurerm_mssql_server_extended_auditing_policy refers to the server (and no legacy inline extended_auditing_policy block)."
# custom:
#   id: azure-sql-auditing-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "SQL auditing records logins and queries; without it data access cannot be reconstructed."
#   remediation: "Add azurerm_mssql_server_extended_auditing_policy for the server (Log Analytics, Event Hub or storage) with retention of 90 days or more."
#   references: ["https://learn.microsoft.com/en-us/azure/azure-sql/database/auditing-overview"]
#   aliases:
#     checkov: [CKV_AZURE_23]
#     trivy: [AVD-AZU-0027]
#     tfsec: [azure-database-enable-audit]
#   examples:
#     fail:
#       - |
#         resource "azurerm_mssql_server" "sql" {
#           name                = "corp-sql"
#           resource_group_name = "rg-data"
#           location            = "westeurope"
#           version             = "12.0"
#         }
#     pass:
#       - |
#         resource "azurerm_mssql_server" "sql" {
#           name                = "corp-sql"
#           resource_group_name = "rg-data"
#           location            = "westeurope"
#           version             = "12.0"
#         }
#
#         resource "azurerm_mssql_server_extended_auditing_policy" "sql" {
#           server_id              = azurerm_mssql_server.sql.id
#           log_monitoring_enabled = true
#           retention_in_days      = 120
#         }
package rampart.azure.sql_auditing_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_mssql_server", "azurerm_sql_server"})
	cc.blank(cc.get(r.values, ["extended_auditing_policy"]))
	not audited(r)
	result := {"msg": sprintf("%s has no auditing policy", [r.address]), "resource": r.address}
}

audited(r) if {
	some a in cc.resources({"azurerm_mssql_server_extended_auditing_policy", "azurerm_mssql_database_extended_auditing_policy"})
	r.address in a.references
	cc.oget(a.values, "enabled", true) != false
}
