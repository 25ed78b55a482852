# METADATA
# title: "Azure Cache for Redis enables the non-TLS port"
# description: "non_ssl_port_enabled (enable_non_ssl_port in azurerm 3.x) is true, opening port 6379 without TLS."
# custom:
#   id: azure-redis-non-ssl-port-enabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "The plaintext port exposes cached data and the access key to anyone on the network path."
#   remediation: "Set non_ssl_port_enabled = false and connect on 6380 with TLS."
#   references: ["https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-configure#access-ports"]
#   aliases:
#     checkov: [CKV_AZURE_91]
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
#           non_ssl_port_enabled = true
#         }
#       - |
#         resource "azurerm_redis_cache" "cache" {
#           name                = "corp-cache"
#           location            = "westeurope"
#           resource_group_name = "rg-app"
#           capacity            = 1
#           family              = "C"
#           sku_name            = "Standard"
#           enable_non_ssl_port = true
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
#           minimum_tls_version = "1.2"
#         }
package rampart.azure.redis_non_ssl_port_enabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_redis_cache"})
	some k in ["non_ssl_port_enabled", "enable_non_ssl_port"]
	cc.get(r.values, [k]) == true
	result := {"msg": sprintf("%s enables the non-TLS port", [r.address]), "resource": r.address, "attribute": k}
}
