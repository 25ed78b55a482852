# METADATA
# title: "App Service allows plain FTP deployments"
# description: "site_config.ftps_state is \"AllAllowed\" (or unset on legacy resources, where that is the default)."
# custom:
#   id: azure-appservice-ftp-allowed
#   severity: medium
#   kinds: [terraform]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "FTP sends deployment credentials and code in clear text."
#   remediation: "Set site_config { ftps_state = \"Disabled\" } (or \"FtpsOnly\")."
#   references: ["https://learn.microsoft.com/en-us/azure/app-service/deploy-ftp#enforce-ftps"]
#   aliases:
#     checkov: [CKV_AZURE_78]
#     trivy: [AVD-AZU-0071]
#     tfsec: [azure-appservice-enforce-ftps]
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
#             ftps_state = "AllAllowed"
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
package rampart.azure.appservice_ftp_allowed

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_app_service", "azurerm_function_app"})
	some i, s in cc.arr(cc.oget(r.values, "site_config", []))
	cc.oget(s, "ftps_state", "") == "AllAllowed"
	result := {"msg": sprintf("%s allows plain FTP", [r.address]), "resource": r.address, "attribute": sprintf("site_config.%d.ftps_state", [i])}
}
