# METADATA
# title: "Key Vault accepts connections from all networks"
# description: "The vault has no network_acls block with default_action = \"Deny\" and public network access is not disabled."
# custom:
#   id: azure-keyvault-network-acl-allows-all
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A vault reachable from any network relies only on identity; network restrictions stop stolen tokens being used from elsewhere."
#   remediation: "Add network_acls { default_action = \"Deny\", bypass = \"AzureServices\" } with allowed networks, or use a private endpoint."
#   references: ["https://learn.microsoft.com/en-us/azure/key-vault/general/network-security"]
#   aliases:
#     checkov: [CKV_AZURE_109]
#     trivy: [AVD-AZU-0013]
#     tfsec: [azure-keyvault-specify-network-acl]
#   examples:
#     fail:
#       - |
#         resource "azurerm_key_vault" "main" {
#           name                = "corp-kv"
#           location            = "westeurope"
#           resource_group_name = "rg-sec"
#           tenant_id           = "00000000-0000-0000-0000-000000000000"
#           sku_name            = "standard"
#           purge_protection_enabled = true
#         }
#     pass:
#       - |
#         resource "azurerm_key_vault" "main" {
#           name                = "corp-kv"
#           location            = "westeurope"
#           resource_group_name = "rg-sec"
#           tenant_id           = "00000000-0000-0000-0000-000000000000"
#           sku_name            = "standard"
#           purge_protection_enabled   = true
#           soft_delete_retention_days = 90
#           network_acls {
#             default_action = "Deny"
#             bypass         = "AzureServices"
#           }
#         }
#       - |
#         resource "azurerm_key_vault" "main" {
#           name                = "corp-kv"
#           location            = "westeurope"
#           resource_group_name = "rg-sec"
#           tenant_id           = "00000000-0000-0000-0000-000000000000"
#           sku_name            = "standard"
#           purge_protection_enabled      = true
#           public_network_access_enabled = false
#         }
package rampart.azure.keyvault_network_acl_allows_all

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_key_vault"})
	not cc.is_or_unknown(cc.get(r.values, ["network_acls", 0, "default_action"]), "Deny")
	not cc.is_or_unknown(cc.get(r.values, ["public_network_access_enabled"]), false)
	result := {"msg": sprintf("%s accepts connections from all networks", [r.address]), "resource": r.address, "attribute": "network_acls"}
}
