# METADATA
# title: "Activity log profile does not capture every category"
# description: "An azurerm_monitor_log_profile's categories omit Action, Delete or Write."
# custom:
#   id: azure-monitor-log-profile-missing-categories
#   severity: low
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Missing categories leave deletions or writes to resources unrecorded."
#   remediation: "Set categories = [\"Action\", \"Delete\", \"Write\"]."
#   references: ["https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/activity-log-schema"]
#   aliases:
#     checkov: [CKV_AZURE_38]
#     trivy: [AVD-AZU-0033]
#     tfsec: [azure-monitor-capture-all-activities]
#   examples:
#     fail:
#       - |
#         resource "azurerm_monitor_log_profile" "main" {
#           name       = "default"
#           categories = ["Write"]
#           locations  = ["westeurope", "global"]
#           retention_policy {
#             enabled = true
#             days    = 365
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
package rampart.azure.monitor_log_profile_missing_categories

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_monitor_log_profile"})
	raw := cc.oget(r.values, "categories", [])
	not cc.unknown(raw)
	cats := cc.arr(raw)
	missing := {c | some c in ["Action", "Delete", "Write"]; not c in cats}
	cc.size(missing) > 0
	result := {"msg": sprintf("%s does not capture %v", [r.address, sort(missing)]), "resource": r.address, "attribute": "categories"}
}
