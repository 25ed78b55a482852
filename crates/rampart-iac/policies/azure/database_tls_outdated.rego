# METADATA
# title: "Database server allows TLS older than 1.2"
# description: "minimum_tls_version (SQL) or ssl_minimal_tls_version_enforced (PostgreSQL/MySQL) is below 1.2 or disabled."
# custom:
#   id: azure-database-tls-outdated
#   severity: medium
#   kinds: [terraform]
#   cwe: [326, 327]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "TLS 1.0/1.1 are deprecated and weaker against downgrade attacks."
#   remediation: "Set minimum_tls_version = \"1.2\" / ssl_minimal_tls_version_enforced = \"TLS1_2\"."
#   references: ["https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings#minimal-tls-version"]
#   aliases:
#     checkov: [CKV_AZURE_52, CKV_AZURE_147, CKV_AZURE_54]
#     trivy: [AVD-AZU-0026]
#     tfsec: [azure-database-secure-tls-policy]
#   examples:
#     fail:
#       - |
#         resource "azurerm_mssql_server" "sql" {
#           name                = "corp-sql"
#           resource_group_name = "rg-data"
#           location            = "westeurope"
#           version             = "12.0"
#           minimum_tls_version = "1.0"
#         }
#     pass:
#       - |
#         resource "azurerm_mssql_server" "sql" {
#           name                = "corp-sql"
#           resource_group_name = "rg-data"
#           location            = "westeurope"
#           version             = "12.0"
#           minimum_tls_version = "1.2"
#         }
package rampart.azure.database_tls_outdated

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_mssql_server", "azurerm_sql_server"})
	v := cc.get(r.values, ["minimum_tls_version"])
	v in {"1.0", "1.1", "Disabled"}
	result := {"msg": sprintf("%s accepts TLS %v", [r.address, v]), "resource": r.address, "attribute": "minimum_tls_version"}
}

deny contains result if {
	some r in cc.resources({"azurerm_postgresql_server", "azurerm_mysql_server"})
	v := cc.get(r.values, ["ssl_minimal_tls_version_enforced"])
	v in {"TLS1_0", "TLS1_1", "TLSEnforcementDisabled"}
	result := {"msg": sprintf("%s accepts %v", [r.address, v]), "resource": r.address, "attribute": "ssl_minimal_tls_version_enforced"}
}
