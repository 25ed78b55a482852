# METADATA
# title: "Key Vault soft delete is disabled"
# description: "The vault sets soft_delete_enabled = false (older azurerm providers), so deleted objects are gone immediately."
# custom:
#   id: azure-keyvault-soft-delete-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [693]
#   owasp: ["A04:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Soft delete is the undo for deleted keys and secrets."
#   remediation: "Remove soft_delete_enabled = false (soft delete is always on for new vaults) and set soft_delete_retention_days."
#   references: ["https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview"]
#   aliases:
#     checkov: [CKV_AZURE_111]
#   examples:
#     fail:
#       - |
#         resource "azurerm_key_vault" "main" {
#           name                = "corp-kv"
#           location            = "westeurope"
#           resource_group_name = "rg-sec"
#           tenant_id           = "00000000-0000-0000-0000-000000000000"
#           sku_name            = "standard"
#           soft_delete_enabled = false
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
package rampart.azure.keyvault_soft_delete_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_key_vault"})
	v := cc.get(r.values, ["soft_delete_enabled"])
	cc.differs(v, true, false)
	result := {"msg": sprintf("%s disables soft delete", [r.address]), "resource": r.address, "attribute": "soft_delete_enabled"}
}
