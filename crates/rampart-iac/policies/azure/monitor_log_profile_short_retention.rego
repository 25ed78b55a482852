# METADATA
# title: "Activity log profile keeps logs for less than a year"
# description: "An azurerm_monitor_log_profile's retention_policy is disabled or keeps fewer than 365 days."
# custom:
#   id: azure-monitor-log-profile-short-retention
#   severity: low
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Activity logs record control-plane changes; investigations regularly need more than a few months of history."
#   remediation: "Set retention_policy { enabled = true, days = 365 } (or export the activity log with a diagnostic setting to storage kept a year)."
#   references: ["https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/activity-log"]
#   aliases:
#     checkov: [CKV_AZURE_37]
#     trivy: [AVD-AZU-0031]
#     tfsec: [azure-monitor-activity-log-retention-set]
#   examples:
#     fail:
#       - |
#         resource "azurerm_monitor_log_profile" "main" {
#           name       = "default"
#           categories = ["Action", "Delete", "Write"]
#           locations  = ["westeurope", "global"]
#           retention_policy {
#             enabled = true
#             days    = 30
#           }
#         }
#     pass:
#       - |
#         resource "azurerm_monitor_log_profile" "main" {
#           name       = "default"
#           categories = ["Action", "Delete", "Write"]
#           locations  = ["westeurope", "global"]
#           retention_policy {
#             enabled = true
#             days    = 365
#           }
#         }
package rampart.azure.monitor_log_profile_short_retention

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_monitor_log_profile"})
	some i, p in cc.arr(cc.oget(r.values, "retention_policy", []))
	short(p)
	result := {"msg": sprintf("%s keeps activity logs for less than 365 days", [r.address]), "resource": r.address, "attribute": sprintf("retention_policy.%d.days", [i])}
}

short(p) if cc.oget(p, "enabled", false) == false

short(p) if {
	cc.oget(p, "enabled", false) == true
	d := cc.num(cc.oget(p, "days", 0))
	d > 0
	d < 365
}
