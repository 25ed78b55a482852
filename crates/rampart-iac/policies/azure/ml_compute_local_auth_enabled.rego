# METADATA
# title: "Azure ML compute allows local authentication"
# description: "local_auth_enabled is not false on a compute instance or cluster (the default is true)."
# custom:
#   id: azure-ml-compute-local-auth-enabled
#   severity: low
#   kinds: [terraform]
#   cwe: [287]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Local authentication uses keys that bypass Entra ID identities and conditional access."
#   remediation: "Set local_auth_enabled = false."
#   references: ["https://learn.microsoft.com/en-us/azure/machine-learning/how-to-create-attach-compute-cluster"]
#   aliases:
#     checkov: [CKV_AZURE_142]
#   examples:
#     fail:
#       - |
#         resource "azurerm_machine_learning_compute_instance" "dev" {
#           name                          = "dev-ci"
#           machine_learning_workspace_id = "/subscriptions/0/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/corp-ml"
#           virtual_machine_size          = "STANDARD_DS3_V2"
#           node_public_ip_enabled = false
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
package rampart.azure.ml_compute_local_auth_enabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_machine_learning_compute_instance", "azurerm_machine_learning_compute_cluster"})
	v := cc.get(r.values, ["local_auth_enabled"])
	cc.differs(v, false, true)
	result := {"msg": sprintf("%s allows local authentication", [r.address]), "resource": r.address, "attribute": "local_auth_enabled"}
}
