# METADATA
# title: "Azure ML compute has a public IP address"
# description: "node_public_ip_enabled is not false on a compute instance or compute cluster (the default is true)."
# custom:
#   id: azure-ml-compute-public-ip
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Public IPs expose notebook and training VMs, which hold workspace credentials and data, directly to the internet."
#   remediation: "Set node_public_ip_enabled = false and place the compute in a subnet (subnet_resource_id)."
#   references: ["https://learn.microsoft.com/en-us/azure/machine-learning/how-to-secure-training-vnet#no-public-ip"]
#   examples:
#     fail:
#       - |
#         resource "azurerm_machine_learning_compute_instance" "dev" {
#           name                          = "dev-ci"
#           machine_learning_workspace_id = "/subscriptions/0/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/corp-ml"
#           virtual_machine_size          = "STANDARD_DS3_V2"
#
#         }
#       - |
#         resource "azurerm_machine_learning_compute_cluster" "train" {
#           name                          = "train"
#           location                      = "westeurope"
#           vm_priority                   = "Dedicated"
#           vm_size                       = "STANDARD_NC6S_V3"
#           machine_learning_workspace_id = "/subscriptions/0/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/corp-ml"
#           node_public_ip_enabled        = true
#           scale_settings {
#             min_node_count                       = 0
#             max_node_count                       = 4
#             scale_down_nodes_after_idle_duration = "PT15M"
#           }
#         }
#     pass:
#       - |
#         resource "azurerm_machine_learning_compute_instance" "dev" {
#           name                          = "dev-ci"
#           machine_learning_workspace_id = "/subscriptions/0/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/corp-ml"
#           virtual_machine_size          = "STANDARD_DS3_V2"
#           node_public_ip_enabled = false
#           local_auth_enabled     = false
#           subnet_resource_id     = "/subscriptions/0/resourceGroups/rg-ml/providers/Microsoft.Network/virtualNetworks/ml/subnets/compute"
#         }
package rampart.azure.ml_compute_public_ip

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_machine_learning_compute_instance", "azurerm_machine_learning_compute_cluster"})
	v := cc.get(r.values, ["node_public_ip_enabled"])
	cc.differs(v, false, true)
	result := {"msg": sprintf("%s gives its nodes public IP addresses", [r.address]), "resource": r.address, "attribute": "node_public_ip_enabled"}
}
