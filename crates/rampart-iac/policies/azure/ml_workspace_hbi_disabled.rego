# METADATA
# title: "Azure ML workspace does not flag high business impact"
# description: "high_business_impact is not true, so Microsoft collects diagnostic data and the workspace's compute keeps default local data handling."
# custom:
#   id: azure-ml-workspace-hbi-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [212]
#   owasp: ["A04:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "The high-business-impact flag limits diagnostic data collected by Microsoft and adds encryption of local scratch disks for sensitive training data."
#   remediation: "Set high_business_impact = true for workspaces that handle confidential data."
#   references: ["https://learn.microsoft.com/en-us/azure/machine-learning/concept-data-encryption#encryption-at-rest"]
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
package rampart.azure.ml_workspace_hbi_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_machine_learning_workspace"})
	v := cc.get(r.values, ["high_business_impact"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not set the high business impact flag", [r.address]), "resource": r.address, "attribute": "high_business_impact"}
}
