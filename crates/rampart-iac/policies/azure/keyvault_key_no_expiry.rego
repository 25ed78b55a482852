# METADATA
# title: "Key Vault key has no expiration date"
# description: "An azurerm_key_vault_key sets no expiration_date (and no rotation_policy with expire_after)."
# custom:
#   id: azure-keyvault-key-no-expiry
#   severity: low
#   kinds: [terraform]
#   cwe: [324]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Keys without an expiry never force rotation of the key material."
#   remediation: "Set expiration_date, or a rotation_policy with expire_after and automatic rotation."
#   references: ["https://learn.microsoft.com/en-us/azure/key-vault/keys/how-to-configure-key-rotation"]
#   aliases:
#     checkov: [CKV_AZURE_40]
#     trivy: [AVD-AZU-0014]
#     tfsec: [azure-keyvault-ensure-key-expiry]
#   examples:
#     fail:
#       - |
#         resource "azurerm_key_vault_key" "data" {
#           name         = "data"
#           key_vault_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/corp-kv"
#           key_type     = "RSA"
#           key_size     = 3072
#           key_opts     = ["wrapKey", "unwrapKey"]
#         }
#     pass:
#       - |
#         resource "azurerm_key_vault_key" "data" {
#           name         = "data"
#           key_vault_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/corp-kv"
#           key_type     = "RSA"
#           key_size     = 3072
#           key_opts     = ["wrapKey", "unwrapKey"]
#           rotation_policy {
#             expire_after         = "P1Y"
#             notify_before_expiry = "P30D"
#             automatic {
#               time_before_expiry = "P30D"
#             }
#           }
#         }
package rampart.azure.keyvault_key_no_expiry

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_key_vault_key"})
	cc.blank(cc.get(r.values, ["expiration_date"]))
	cc.blank(cc.get(r.values, ["rotation_policy", 0, "expire_after"]))
	result := {"msg": sprintf("%s has no expiration date", [r.address]), "resource": r.address, "attribute": "expiration_date"}
}
