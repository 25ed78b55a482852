# METADATA
# title: "Cosmos DB account allows public network access"
# description: "public_network_access_enabled is not false and no virtual network filter or IP range filter limits access."
# custom:
#   id: azure-cosmosdb-public-network-access
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "An unrestricted Cosmos DB endpoint accepts requests with leaked keys from anywhere."
#   remediation: "Set public_network_access_enabled = false and use private endpoints, or enable is_virtual_network_filter_enabled / ip_range_filter."
#   references: ["https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-configure-firewall"]
#   aliases:
#     checkov: [CKV_AZURE_101, CKV_AZURE_99]
#   examples:
#     fail:
#       - |
#         resource "azurerm_cosmosdb_account" "db" {
#           name                = "corp-cosmos"
#           location            = "westeurope"
#           resource_group_name = "rg-data"
#           offer_type          = "Standard"
#           consistency_policy {
#             consistency_level = "Session"
#           }
#           geo_location {
#             location          = "westeurope"
#             failover_priority = 0
#           }
#         }
#     pass:
#       - |
#         resource "azurerm_cosmosdb_account" "db" {
#           name                          = "corp-cosmos"
#           location                      = "westeurope"
#           resource_group_name           = "rg-data"
#           offer_type                    = "Standard"
#           public_network_access_enabled = false
#           local_authentication_disabled = true
#           consistency_policy {
#             consistency_level = "Session"
#           }
#           geo_location {
#             location          = "westeurope"
#             failover_priority = 0
#           }
#         }
package rampart.azure.cosmosdb_public_network_access

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_cosmosdb_account"})
	not cc.is_or_unknown(cc.get(r.values, ["public_network_access_enabled"]), false)
	not cc.is_or_unknown(cc.get(r.values, ["is_virtual_network_filter_enabled"]), true)
	cc.blank(cc.get(r.values, ["ip_range_filter"]))
	result := {"msg": sprintf("%s accepts connections from any network", [r.address]), "resource": r.address, "attribute": "public_network_access_enabled"}
}
