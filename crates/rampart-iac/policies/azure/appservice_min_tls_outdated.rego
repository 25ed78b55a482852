# METADATA
# title: "App Service allows TLS older than 1.2"
# description: "site_config.minimum_tls_version (or min_tls_version on legacy resources) is 1.0 or 1.1."
# custom:
#   id: azure-appservice-min-tls-outdated
#   severity: medium
#   kinds: [terraform]
#   cwe: [326, 327]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "TLS 1.0/1.1 are deprecated (RFC 8996)."
#   remediation: "Set site_config { minimum_tls_version = \"1.2\" }."
#   references: ["https://learn.microsoft.com/en-us/azure/app-service/overview-tls"]
#   aliases:
#     checkov: [CKV_AZURE_15, CKV_AZURE_145]
#     trivy: [AVD-AZU-0006]
#     tfsec: [azure-appservice-use-secure-tls-policy]
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
#             minimum_tls_version = "1.0"
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
package rampart.azure.appservice_min_tls_outdated

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_app_service", "azurerm_function_app"})
	some i, s in cc.arr(cc.oget(r.values, "site_config", []))
	some k in ["minimum_tls_version", "min_tls_version"]
	v := cc.oget(s, k, null)
	sprintf("%v", [v]) in {"1.0", "1.1"}
	result := {"msg": sprintf("%s accepts TLS %v", [r.address, v]), "resource": r.address, "attribute": sprintf("site_config.%d.%s", [i, k])}
}
