# METADATA
# title: "AKS cluster has no network policy engine"
# description: "network_profile.network_policy is unset, so Kubernetes NetworkPolicies are not enforced."
# custom:
#   id: azure-aks-no-network-policy
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without a policy engine every pod can reach every other pod; a compromised pod moves laterally freely."
#   remediation: "Set network_profile { network_policy = \"azure\" | \"calico\" | \"cilium\" }."
#   references: ["https://learn.microsoft.com/en-us/azure/aks/use-network-policies"]
#   aliases:
#     checkov: [CKV_AZURE_7]
#     trivy: [AVD-AZU-0043]
#     tfsec: [azure-container-configured-network-policy]
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
#           network_profile {
#             network_plugin = "azure"
#           }
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
package rampart.azure.aks_no_network_policy

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_kubernetes_cluster"})
	cc.blank(cc.get(r.values, ["network_profile", 0, "network_policy"]))
	result := {"msg": sprintf("%s enforces no network policies", [r.address]), "resource": r.address, "attribute": "network_profile.0.network_policy"}
}
