# METADATA
# title: "Azure ML compute accepts SSH"
# description: "A compute instance has an ssh block, or a compute cluster sets ssh_public_access_enabled = true."
# custom:
#   id: azure-ml-compute-ssh-enabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "SSH on ML compute bypasses workspace access control and auditing, and with a public IP it is internet-facing."
#   remediation: "Remove SSH access; use the workspace's Jupyter/VS Code integration with Entra ID."
#   references: ["https://learn.microsoft.com/en-us/azure/machine-learning/how-to-create-compute-instance"]
#   examples:
#     fail:
#       - |
#         resource "azurerm_machine_learning_compute_instance" "dev" {
#           name                          = "dev-ci"
#           machine_learning_workspace_id = "/subscriptions/0/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/corp-ml"
#           virtual_machine_size          = "STANDARD_DS3_V2"
#           ssh {
#             public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnlyForDocs user@host"
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
package rampart.azure.ml_compute_ssh_enabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_machine_learning_compute_instance"})
	not cc.blank(cc.get(r.values, ["ssh"]))
	result := {"msg": sprintf("%s accepts SSH logins", [r.address]), "resource": r.address, "attribute": "ssh"}
}

deny contains result if {
	some r in cc.resources({"azurerm_machine_learning_compute_cluster"})
	cc.get(r.values, ["ssh_public_access_enabled"]) == true
	result := {"msg": sprintf("%s opens SSH on its nodes", [r.address]), "resource": r.address, "attribute": "ssh_public_access_enabled"}
}
