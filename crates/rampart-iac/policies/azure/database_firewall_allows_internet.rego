# METADATA
# title: "Database firewall rule allows the whole internet"
# description: "A SQL, PostgreSQL, MySQL or MariaDB firewall rule spans 0.0.0.0 to 255.255.255.255 (or a similarly huge range)."
# custom:
#   id: azure-database-firewall-allows-internet
#   severity: critical
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "The server becomes reachable from every address on the internet."
#   remediation: "Allow only the addresses that need access; use private endpoints for applications. (0.0.0.0-0.0.0.0 is the separate \"Azure services\" rule.)"
#   references: ["https://learn.microsoft.com/en-us/azure/azure-sql/database/firewall-configure"]
#   aliases:
#     checkov: [CKV_AZURE_11, CKV2_AZURE_34]
#     trivy: [AVD-AZU-0029]
#     tfsec: [azure-database-no-public-firewall-access]
#   examples:
#     fail:
#       - |
#         resource "azurerm_mssql_firewall_rule" "all" {
#           name             = "all"
#           server_id        = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Sql/servers/corp-sql"
#           start_ip_address = "0.0.0.0"
#           end_ip_address   = "255.255.255.255"
#         }
#     pass:
#       - |
#         resource "azurerm_mssql_firewall_rule" "office" {
#           name             = "office"
#           server_id        = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Sql/servers/corp-sql"
#           start_ip_address = "203.0.113.10"
#           end_ip_address   = "203.0.113.20"
#         }
package rampart.azure.database_firewall_allows_internet

import data.rampart.lib.cloud_common as cc
import rego.v1

rule_types := {"azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule", "azurerm_postgresql_firewall_rule", "azurerm_postgresql_flexible_server_firewall_rule", "azurerm_mysql_firewall_rule", "azurerm_mysql_flexible_server_firewall_rule", "azurerm_mariadb_firewall_rule"}

deny contains result if {
	some r in cc.resources(rule_types)
	start := ip_num(cc.oget(r.values, "start_ip_address", ""))
	stop := ip_num(cc.oget(r.values, "end_ip_address", ""))
	stop - start >= 16777216
	result := {"msg": sprintf("%s allows %s-%s", [r.address, r.values.start_ip_address, r.values.end_ip_address]), "resource": r.address, "attribute": "end_ip_address"}
}

ip_num(s) := n if {
	parts := split(cc.str(s), ".")
	cc.size(parts) == 4
	n := ((cc.num(parts[0]) * 256 + cc.num(parts[1])) * 256 + cc.num(parts[2])) * 256 + cc.num(parts[3])
}
