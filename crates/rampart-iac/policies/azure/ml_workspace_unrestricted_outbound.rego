# METADATA
# title: "Azure ML workspace managed network allows any outbound traffic"
# description: "managed_network.isolation_mode is \"AllowInternetOutbound\" or unset, so compute in the workspace can reach any internet destination."
# custom:
#   id: azure-ml-workspace-unrestricted-outbound
#   severity: medium
#   kinds: [terraform]
#   cwe: [284, 200]
#   owasp: ["A05:2021"]
#   owasp_llm: ["LLM02:2025", "LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Training and inference code (and third-party models) can exfiltrate data or pull untrusted packages when egress is open."
#   remediation: "Set managed_network { isolation_mode = \"AllowOnlyApprovedOutbound\" } and list the needed outbound rules."
#   references: ["https://learn.microsoft.com/en-us/azure/machine-learning/how-to-managed-network"]
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
#           managed_network {
#             isolation_mode = "AllowInternetOutbound"
#           }
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
package rampart.azure.ml_workspace_unrestricted_outbound

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_machine_learning_workspace"})
	v := cc.get(r.values, ["managed_network", 0, "isolation_mode"])
	cc.differs(v, "AllowOnlyApprovedOutbound", true)
	result := {"msg": sprintf("%s does not restrict outbound traffic from managed compute", [r.address]), "resource": r.address, "attribute": "managed_network.0.isolation_mode"}
}
