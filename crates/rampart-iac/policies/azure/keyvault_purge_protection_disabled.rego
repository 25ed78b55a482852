# METADATA
# title: "Key Vault purge protection is disabled"
# description: "purge_protection_enabled is not true, so deleted vaults, keys and secrets can be purged before the retention period ends."
# custom:
#   id: azure-keyvault-purge-protection-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [693]
#   owasp: ["A04:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "An attacker or mistake that deletes and purges a key makes everything encrypted with it unrecoverable."
#   remediation: "Set purge_protection_enabled = true."
#   references: ["https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview"]
#   aliases:
#     checkov: [CKV_AZURE_110, CKV_AZURE_42]
#     trivy: [AVD-AZU-0016]
#     tfsec: [azure-keyvault-no-purge]
#   examples:
#     fail:
#       - |
#         resource "azurerm_key_vault" "main" {
#           name                = "corp-kv"
#           location            = "westeurope"
#           resource_group_name = "rg-sec"
#           tenant_id           = "00000000-0000-0000-0000-000000000000"
#           sku_name            = "standard"
#           soft_delete_retention_days = 7
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
package rampart.azure.keyvault_purge_protection_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_key_vault"})
	v := cc.get(r.values, ["purge_protection_enabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not enable purge protection", [r.address]), "resource": r.address, "attribute": "purge_protection_enabled"}
}
