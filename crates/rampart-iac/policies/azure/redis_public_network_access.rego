# METADATA
# title: "Azure Cache for Redis allows public network access"
# description: "public_network_access_enabled is not false on an azurerm_redis_cache (the default is true)."
# custom:
#   id: azure-redis-public-network-access
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A public cache endpoint can be reached with a leaked access key from anywhere."
#   remediation: "Set public_network_access_enabled = false and use private endpoints."
#   references: ["https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-private-link"]
#   aliases:
#     checkov: [CKV_AZURE_89]
#   examples:
#     fail:
#       - |
#         resource "azurerm_redis_cache" "cache" {
#           name                = "corp-cache"
#           location            = "westeurope"
#           resource_group_name = "rg-app"
#           capacity            = 1
#           family              = "C"
#           sku_name            = "Standard"
#         }
#     pass:
#       - |
#         resource "azurerm_redis_cache" "cache" {
#           name                = "corp-cache"
#           location            = "westeurope"
#           resource_group_name = "rg-app"
#           capacity            = 1
#           family              = "C"
#           sku_name            = "Standard"
#           public_network_access_enabled = false
#         }
package rampart.azure.redis_public_network_access

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_redis_cache"})
	v := cc.get(r.values, ["public_network_access_enabled"])
	cc.differs(v, false, true)
	result := {"msg": sprintf("%s allows public network access", [r.address]), "resource": r.address, "attribute": "public_network_access_enabled"}
}
