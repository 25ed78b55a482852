# METADATA
# title: "App Service remote debugging is enabled"
# description: "site_config.remote_debugging_enabled is true."
# custom:
#   id: azure-appservice-remote-debugging-enabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [489]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Remote debugging opens extra ports and lets a debugger attach to production code."
#   remediation: "Set remote_debugging_enabled = false."
#   references: ["https://learn.microsoft.com/en-us/azure/app-service/configure-common"]
#   aliases:
#     checkov: [CKV_AZURE_72]
#   examples:
#     fail:
#       - |
#         resource "azurerm_linux_web_app" "api" {
#           name                = "corp-api"
#           resource_group_name = "rg-app"
#           location            = "westeurope"
#           service_plan_id     = "/subscriptions/0/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan"
#           https_only = true
#           site_config {
#             remote_debugging_enabled = true
#           }
#         }
#     pass:
#       - |
#         resource "azurerm_linux_web_app" "api" {
#           name                = "corp-api"
#           resource_group_name = "rg-app"
#           location            = "westeurope"
#           service_plan_id     = "/subscriptions/0/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan"
#           https_only = true
#           auth_settings_v2 {
#             auth_enabled           = true
#             require_authentication = true
#             login {}
#           }
#           site_config {
#             minimum_tls_version      = "1.2"
#             ftps_state               = "Disabled"
#             remote_debugging_enabled = false
#           }
#         }
package rampart.azure.appservice_remote_debugging_enabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_app_service", "azurerm_function_app"})
	some i, s in cc.arr(cc.oget(r.values, "site_config", []))
	cc.oget(s, "remote_debugging_enabled", false) == true
	result := {"msg": sprintf("%s has remote debugging enabled", [r.address]), "resource": r.address, "attribute": sprintf("site_config.%d.remote_debugging_enabled", [i])}
}
