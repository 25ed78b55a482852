# METADATA
# title: "Azure ML workspace allows public network access"
# description: "public_network_access_enabled is not false on the Azure Machine Learning workspace (the provider default is true)."
# custom:
#   id: azure-ml-workspace-public-network-access
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM02:2025", "LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "A public workspace exposes its models, datasets, endpoints and job history to token theft from any network."
#   remediation: "Set public_network_access_enabled = false and reach the workspace through private endpoints."
#   references: ["https://learn.microsoft.com/en-us/azure/machine-learning/how-to-configure-private-link"]
#   aliases:
#     checkov: [CKV_AZURE_144, CKV2_AZURE_49]
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
#           high_business_impact = true
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
package rampart.azure.ml_workspace_public_network_access

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_machine_learning_workspace"})
	v := cc.get(r.values, ["public_network_access_enabled"])
	cc.differs(v, false, true)
	result := {"msg": sprintf("%s allows public network access", [r.address]), "resource": r.address, "attribute": "public_network_access_enabled"}
}
