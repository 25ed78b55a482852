# METADATA
# title: "Database server does not enforce SSL"
# description: "ssl_enforcement_enabled is false on a PostgreSQL, MySQL or MariaDB single server."
# custom:
#   id: azure-database-ssl-not-enforced
#   severity: high
#   kinds: [terraform]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without enforced TLS, credentials and query results cross the network in clear text."
#   remediation: "Set ssl_enforcement_enabled = true."
#   references: ["https://learn.microsoft.com/en-us/azure/postgresql/single-server/concepts-ssl-connection-security"]
#   aliases:
#     checkov: [CKV_AZURE_29, CKV_AZURE_28, CKV_AZURE_47]
#     trivy: [AVD-AZU-0020]
#     tfsec: [azure-database-enable-ssl-enforcement]
#   examples:
#     fail:
#       - |
#         resource "azurerm_postgresql_server" "pg" {
#           name                    = "corp-pg"
#           location                = "westeurope"
#           resource_group_name     = "rg-data"
#           sku_name                = "GP_Gen5_2"
#           version                 = "11"
#           ssl_enforcement_enabled = false
#         }
#     pass:
#       - |
#         resource "azurerm_postgresql_server" "pg" {
#           name                             = "corp-pg"
#           location                         = "westeurope"
#           resource_group_name              = "rg-data"
#           sku_name                         = "GP_Gen5_2"
#           version                          = "11"
#           ssl_enforcement_enabled          = true
#           ssl_minimal_tls_version_enforced = "TLS1_2"
#         }
package rampart.azure.database_ssl_not_enforced

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mariadb_server"})
	v := cc.get(r.values, ["ssl_enforcement_enabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not enforce SSL connections", [r.address]), "resource": r.address, "attribute": "ssl_enforcement_enabled"}
}
