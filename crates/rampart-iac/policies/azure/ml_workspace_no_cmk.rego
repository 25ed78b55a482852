# METADATA
# title: "Azure ML workspace is not encrypted with a customer managed key"
# description: "The workspace has no encryption block with a Key Vault key."
# custom:
#   id: azure-ml-workspace-no-cmk
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Workspace metadata, job logs and model registry data are encrypted with Microsoft-managed keys you cannot revoke or audit."
#   remediation: "Add encryption { key_vault_id, key_id } (set at creation)."
#   references: ["https://learn.microsoft.com/en-us/azure/machine-learning/concept-customer-managed-keys"]
#   examples:
#     fail:
#       - |
#         resource "azurerm_machine_learning_workspace" "ml" {
#           name                    = "corp-ml"
#           location                = "westeurope"
#           resource_group_name     = "rg-ml"
#           application_insights_id = "/subscriptions/0/resourceGroups/rg-ml/providers/Microsoft.Insights/components/ml"
#           key_vault_id            = "/subscriptions/0/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/ml-kv"
#           storage_account_id      = "/subscriptions/0/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/mlstore"
#           identity {
#             type = "SystemAssigned"
#           }
#           public_network_access_enabled = false
#         }
#     pass:
#       - |
#         resource "azurerm_machine_learning_workspace" "ml" {
#           name                    = "corp-ml"
#           location                = "westeurope"
#           resource_group_name     = "rg-ml"
#           application_insights_id = "/subscriptions/0/resourceGroups/rg-ml/providers/Microsoft.Insights/components/ml"
#           key_vault_id            = "/subscriptions/0/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/ml-kv"
#           storage_account_id      = "/subscriptions/0/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/mlstore"
#           identity {
#             type = "SystemAssigned"
#           }
#           public_network_access_enabled = false
#           high_business_impact          = true
#           encryption {
#             key_vault_id = "/subscriptions/0/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/ml-kv"
#             key_id       = "https://ml-kv.vault.azure.net/keys/ml/0123456789abcdef"
#           }
#           managed_network {
#             isolation_mode = "AllowOnlyApprovedOutbound"
#           }
#         }
package rampart.azure.ml_workspace_no_cmk

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_machine_learning_workspace"})
	cc.blank(cc.get(r.values, ["encryption"]))
	result := {"msg": sprintf("%s does not use a customer managed key", [r.address]), "resource": r.address, "attribute": "encryption"}
}
