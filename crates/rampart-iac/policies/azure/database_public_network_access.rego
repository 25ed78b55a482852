# METADATA
# title: "Database server allows public network access"
# description: "An Azure SQL, PostgreSQL, MySQL or MariaDB server leaves public_network_access_enabled at true (the default on single servers and SQL)."
# custom:
#   id: azure-database-public-network-access
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A publicly reachable server depends on firewall rules and passwords alone."
#   remediation: "Set public_network_access_enabled = false and connect through private endpoints or VNet integration."
#   references: ["https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings"]
#   aliases:
#     checkov: [CKV_AZURE_113, CKV_AZURE_68, CKV_AZURE_53, CKV_AZURE_48]
#     trivy: [AVD-AZU-0022]
#     tfsec: [azure-database-no-public-access]
#   examples:
#     fail:
#       - |
#         resource "azurerm_mssql_server" "sql" {
#           name                         = "corp-sql"
#           resource_group_name          = "rg-data"
#           location                     = "westeurope"
#           version                      = "12.0"
#           administrator_login          = "sqladmin"
#           administrator_login_password = "from-key-vault"
#         }
#     pass:
#       - |
#         resource "azurerm_mssql_server" "sql" {
#           name                          = "corp-sql"
#           resource_group_name           = "rg-data"
#           location                      = "westeurope"
#           version                       = "12.0"
#           minimum_tls_version           = "1.2"
#           public_network_access_enabled = false
#           azuread_administrator {
#             login_username              = "sql-admins"
#             object_id                   = "00000000-0000-0000-0000-000000000000"
#             azuread_authentication_only = true
#           }
#         }
package rampart.azure.database_public_network_access

import data.rampart.lib.cloud_common as cc
import rego.v1

server_types := {"azurerm_mariadb_server", "azurerm_mssql_server", "azurerm_mysql_flexible_server", "azurerm_mysql_server", "azurerm_postgresql_flexible_server", "azurerm_postgresql_server", "azurerm_sql_server"}

deny contains result if {
	some r in cc.resources(server_types)
	not flexible_without_flag(r)
	cc.differs(cc.get(r.values, ["public_network_access_enabled"]), false, true)
	result := {"msg": sprintf("%s allows public network access", [r.address]), "resource": r.address, "attribute": "public_network_access_enabled"}
}

# flexible servers are private when delegated to a subnet and the flag is unset
flexible_without_flag(r) if {
	cc.ends(r.type, "_flexible_server")
	cc.get(r.values, ["public_network_access_enabled"]) == null
}
