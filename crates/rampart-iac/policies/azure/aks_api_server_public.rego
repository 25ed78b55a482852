# METADATA
# title: "AKS API server is reachable from the whole internet"
# description: "The cluster is not private (private_cluster_enabled) and api_server_access_profile sets no authorized_ip_ranges."
# custom:
#   id: azure-aks-api-server-public
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A public API server is exposed to credential attacks and to any API server vulnerability."
#   remediation: "Set private_cluster_enabled = true, or api_server_access_profile { authorized_ip_ranges = [...] }."
#   references: ["https://learn.microsoft.com/en-us/azure/aks/api-server-authorized-ip-ranges", "https://learn.microsoft.com/en-us/azure/aks/private-clusters"]
#   aliases:
#     checkov: [CKV_AZURE_6, CKV_AZURE_115]
#     trivy: [AVD-AZU-0041, AVD-AZU-0065]
#     tfsec: [azure-container-limit-authorized-ips, azure-container-enable-private-cluster]
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
#           local_account_disabled = true
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
#           api_server_access_profile {
#             authorized_ip_ranges = ["203.0.113.0/24"]
#           }
#         }
package rampart.azure.aks_api_server_public

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_kubernetes_cluster"})
	not cc.is_or_unknown(cc.get(r.values, ["private_cluster_enabled"]), true)
	cc.blank(cc.get(r.values, ["api_server_access_profile", 0, "authorized_ip_ranges"]))
	cc.blank(cc.get(r.values, ["api_server_authorized_ip_ranges"]))
	result := {"msg": sprintf("%s exposes its API server to the whole internet", [r.address]), "resource": r.address, "attribute": "private_cluster_enabled"}
}
