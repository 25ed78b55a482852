# METADATA
# title: "App Service authentication is not enabled"
# description: "Neither auth_settings { enabled = true } nor auth_settings_v2 { auth_enabled = true } is set on a web or function app."
# custom:
#   id: azure-appservice-auth-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [306]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Built-in authentication (Easy Auth) stops anonymous requests before they reach application code; internal apps often rely on it."
#   remediation: "Enable auth_settings_v2 with an identity provider and require_authentication = true, or document that the app authenticates itself."
#   references: ["https://learn.microsoft.com/en-us/azure/app-service/overview-authentication-authorization"]
#   aliases:
#     checkov: [CKV_AZURE_13, CKV_AZURE_56]
#     trivy: [AVD-AZU-0003]
#     tfsec: [azure-appservice-authentication-enabled]
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
#             minimum_tls_version = "1.2"
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
package rampart.azure.appservice_auth_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_app_service", "azurerm_function_app"})
	not cc.is_or_unknown(cc.get(r.values, ["auth_settings", 0, "enabled"]), true)
	not cc.is_or_unknown(cc.get(r.values, ["auth_settings_v2", 0, "auth_enabled"]), true)
	result := {"msg": sprintf("%s has App Service authentication disabled", [r.address]), "resource": r.address, "attribute": "auth_settings_v2"}
}
