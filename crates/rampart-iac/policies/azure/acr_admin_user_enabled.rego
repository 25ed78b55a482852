# METADATA
# title: "Container registry admin user is enabled"
# description: "admin_enabled = true on the container registry."
# custom:
#   id: azure-acr-admin-user-enabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [798, 250]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "The admin user is a shared username/password with push and pull rights to every repository."
#   remediation: "Set admin_enabled = false and use Entra ID identities or repository-scoped tokens."
#   references: ["https://learn.microsoft.com/en-us/azure/container-registry/container-registry-authentication#admin-account"]
#   aliases:
#     checkov: [CKV_AZURE_137]
#   examples:
#     fail:
#       - |
#         resource "azurerm_container_registry" "acr" {
#           name                = "corpacr"
#           resource_group_name = "rg-build"
#           location            = "westeurope"
#           sku                 = "Premium"
#           admin_enabled = true
#         }
#     pass:
#       - |
#         resource "azurerm_container_registry" "acr" {
#           name                = "corpacr"
#           resource_group_name = "rg-build"
#           location            = "westeurope"
#           sku                 = "Premium"
#           admin_enabled                 = false
#           public_network_access_enabled = false
#         }
package rampart.azure.acr_admin_user_enabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_container_registry"})
	v := cc.get(r.values, ["admin_enabled"])
	cc.differs(v, false, false)
	result := {"msg": sprintf("%s enables the shared admin user", [r.address]), "resource": r.address, "attribute": "admin_enabled"}
}
