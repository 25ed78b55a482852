# METADATA
# title: "AKS cluster has Kubernetes RBAC disabled"
# description: "role_based_access_control_enabled is false."
# custom:
#   id: azure-aks-rbac-disabled
#   severity: high
#   kinds: [terraform]
#   cwe: [285]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without RBAC every authenticated identity has full access to the cluster API."
#   remediation: "Set role_based_access_control_enabled = true (the default) and integrate Entra ID."
#   references: ["https://learn.microsoft.com/en-us/azure/aks/manage-azure-rbac"]
#   aliases:
#     checkov: [CKV_AZURE_5]
#     trivy: [AVD-AZU-0042]
#     tfsec: [azure-container-use-rbac-permissions]
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
#           role_based_access_control_enabled = false
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
package rampart.azure.aks_rbac_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_kubernetes_cluster"})
	v := cc.get(r.values, ["role_based_access_control_enabled"])
	cc.differs(v, true, false)
	result := {"msg": sprintf("%s disables Kubernetes RBAC", [r.address]), "resource": r.address, "attribute": "role_based_access_control_enabled"}
}
