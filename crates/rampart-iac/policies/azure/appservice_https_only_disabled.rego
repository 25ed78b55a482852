# METADATA
# title: "App Service or Function app accepts plain HTTP"
# description: "https_only is not true on a web or function app."
# custom:
#   id: azure-appservice-https-only-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without HTTPS-only, sessions and tokens can travel over HTTP."
#   remediation: "Set https_only = true."
#   references: ["https://learn.microsoft.com/en-us/azure/app-service/configure-ssl-bindings#enforce-https"]
#   aliases:
#     checkov: [CKV_AZURE_14, CKV_AZURE_70]
#     trivy: [AVD-AZU-0072, AVD-AZU-0004]
#     tfsec: [azure-appservice-web-app-https-only, azure-appservice-enforce-https]
#   examples:
#     fail:
#       - |
#         resource "azurerm_linux_web_app" "api" {
#           name                = "corp-api"
#           resource_group_name = "rg-app"
#           location            = "westeurope"
#           service_plan_id     = "/subscriptions/0/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan"
#
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
package rampart.azure.appservice_https_only_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_app_service", "azurerm_function_app"})
	v := cc.get(r.values, ["https_only"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not require HTTPS", [r.address]), "resource": r.address, "attribute": "https_only"}
}
