# METADATA
# title: "Container registry is publicly reachable or allows anonymous pull"
# description: "public_network_access_enabled is not false, or anonymous_pull_enabled is true."
# custom:
#   id: azure-acr-public-access
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Public registries expose images (and what is baked into them) to token theft from anywhere; anonymous pull exposes them to everyone."
#   remediation: "Set public_network_access_enabled = false with private endpoints (Premium) and anonymous_pull_enabled = false."
#   references: ["https://learn.microsoft.com/en-us/azure/container-registry/container-registry-access-selected-networks"]
#   aliases:
#     checkov: [CKV_AZURE_139, CKV_AZURE_138]
#   examples:
#     fail:
#       - |
#         resource "azurerm_container_registry" "acr" {
#           name                = "corpacr"
#           resource_group_name = "rg-build"
#           location            = "westeurope"
#           sku                 = "Premium"
#           admin_enabled = false
#         }
#       - |
#         resource "azurerm_container_registry" "acr" {
#           name                = "corpacr"
#           resource_group_name = "rg-build"
#           location            = "westeurope"
#           sku                 = "Premium"
#           public_network_access_enabled = false
#           anonymous_pull_enabled        = true
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
package rampart.azure.acr_public_access

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_container_registry"})
	cc.differs(cc.get(r.values, ["public_network_access_enabled"]), false, true)
	result := {"msg": sprintf("%s is reachable from public networks", [r.address]), "resource": r.address, "attribute": "public_network_access_enabled"}
}

deny contains result if {
	some r in cc.resources({"azurerm_container_registry"})
	cc.get(r.values, ["anonymous_pull_enabled"]) == true
	result := {"msg": sprintf("%s allows anonymous image pulls", [r.address]), "resource": r.address, "attribute": "anonymous_pull_enabled"}
}
