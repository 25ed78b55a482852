# METADATA
# title: "Key Vault secret has no expiration date"
# description: "An azurerm_key_vault_secret sets no expiration_date."
# custom:
#   id: azure-keyvault-secret-no-expiry
#   severity: low
#   kinds: [terraform]
#   cwe: [324]
#   owasp: ["A02:2021", "A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Secrets without an expiry are never forced through rotation."
#   remediation: "Set expiration_date and rotate before it."
#   references: ["https://learn.microsoft.com/en-us/azure/key-vault/secrets/about-secrets"]
#   aliases:
#     checkov: [CKV_AZURE_41]
#     trivy: [AVD-AZU-0017]
#     tfsec: [azure-keyvault-ensure-secret-expiry]
#   examples:
#     fail:
#       - |
#         resource "azurerm_key_vault_secret" "db" {
#           name         = "db-password"
#           value        = "from-a-variable"
#           key_vault_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/corp-kv"
#         }
#     pass:
#       - |
#         resource "azurerm_key_vault_secret" "db" {
#           name            = "db-password"
#           value           = "from-a-variable"
#           key_vault_id    = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/corp-kv"
#           expiration_date = "2027-06-30T00:00:00Z"
#         }
package rampart.azure.keyvault_secret_no_expiry

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_key_vault_secret"})
	cc.blank(cc.get(r.values, ["expiration_date"]))
	result := {"msg": sprintf("%s has no expiration date", [r.address]), "resource": r.address, "attribute": "expiration_date"}
}
