# METADATA
# title: "AKS cluster keeps local accounts"
# description: "local_account_disabled is not true, so the static cluster-admin credential (az aks get-credentials --admin) works."
# custom:
#   id: azure-aks-local-accounts-enabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [798, 287]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Local admin credentials bypass Entra ID, conditional access and audit by identity."
#   remediation: "Set local_account_disabled = true with Entra ID integration."
#   references: ["https://learn.microsoft.com/en-us/azure/aks/manage-local-accounts-managed-azure-ad"]
#   aliases:
#     checkov: [CKV_AZURE_141]
#   examples:
#     fail:
#       - |
#         resource "azurerm_kubernetes_cluster" "main" {
#           name                = "main"
#           location            = "westeurope"
#           resource_group_name = "rg-aks"
#           dns_prefix          = "main"
#           default_node_pool {
#             name       = "system"
#             node_count = 3
#             vm_size    = "Standard_D4s_v5"
#           }
#           identity {
#             type = "SystemAssigned"
#           }
#           private_cluster_enabled = true
#         }
#     pass:
#       - |
#         resource "azurerm_kubernetes_cluster" "main" {
#           name                = "main"
#           location            = "westeurope"
#           resource_group_name = "rg-aks"
#           dns_prefix          = "main"
#           default_node_pool {
#             name       = "system"
#             node_count = 3
#             vm_size    = "Standard_D4s_v5"
#           }
#           identity {
#             type = "SystemAssigned"
#           }
#           private_cluster_enabled = true
#           local_account_disabled  = true
#           azure_active_directory_role_based_access_control {
#             azure_rbac_enabled = true
#           }
#           network_profile {
#             network_plugin = "azure"
#             network_policy = "azure"
#           }
#         }
package rampart.azure.aks_local_accounts_enabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_kubernetes_cluster"})
	v := cc.get(r.values, ["local_account_disabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s keeps local (non-Entra) accounts", [r.address]), "resource": r.address, "attribute": "local_account_disabled"}
}
