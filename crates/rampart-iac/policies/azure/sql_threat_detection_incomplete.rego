# METADATA
# title: "SQL server threat detection is off or partial"
# description: "An azurerm_mssql_server_security_alert_policy is Disabled or lists disabled_alerts."
# custom:
#   id: azure-sql-threat-detection-incomplete
#   severity: medium
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Threat detection alerts on SQL injection, anomalous logins and data exfiltration patterns."
#   remediation: "Set state = \"Enabled\" and leave disabled_alerts empty; send alerts to a monitored address."
#   references: ["https://learn.microsoft.com/en-us/azure/azure-sql/database/threat-detection-overview"]
#   aliases:
#     checkov: [CKV_AZURE_25]
#     trivy: [AVD-AZU-0028]
#     tfsec: [azure-database-all-threat-alerts-enabled]
#   examples:
#     fail:
#       - |
#         resource "azurerm_mssql_server_security_alert_policy" "sql" {
#           resource_group_name = "rg-data"
#           server_name         = "corp-sql"
#           state               = "Enabled"
#           disabled_alerts     = ["Sql_Injection", "Data_Exfiltration"]
#         }
#     pass:
#       - |
#         resource "azurerm_mssql_server_security_alert_policy" "sql" {
#           resource_group_name  = "rg-data"
#           server_name          = "corp-sql"
#           state                = "Enabled"
#           email_account_admins = true
#         }
package rampart.azure.sql_threat_detection_incomplete

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_mssql_server_security_alert_policy"})
	cc.oget(r.values, "state", "") != "Enabled"
	not cc.unknown(cc.oget(r.values, "state", ""))
	result := {"msg": sprintf("%s does not enable threat detection", [r.address]), "resource": r.address, "attribute": "state"}
}

deny contains result if {
	some r in cc.resources({"azurerm_mssql_server_security_alert_policy"})
	cc.size(cc.arr(cc.oget(r.values, "disabled_alerts", []))) > 0
	result := {"msg": sprintf("%s disables threat alerts %v", [r.address, r.values.disabled_alerts]), "resource": r.address, "attribute": "disabled_alerts"}
}
