# METADATA
# title: "Storage account has no infrastructure (double) encryption"
# description: "infrastructure_encryption_enabled is not true."
# custom:
#   id: azure-storage-infrastructure-encryption-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Infrastructure encryption adds a second, independent AES-256 layer at the storage infrastructure level for data that needs it."
#   remediation: "Set infrastructure_encryption_enabled = true when creating the account."
#   references: ["https://learn.microsoft.com/en-us/azure/storage/common/infrastructure-encryption-enable"]
#   aliases:
#     trivy: [AVD-AZU-0061]
#     tfsec: [azure-storage-infrastructure-encryption-enabled]
#   examples:
#     fail:
#       - |
#         resource "azurerm_storage_account" "data" {
#           name                     = "corpdata"
#           resource_group_name      = "rg-data"
#           location                 = "westeurope"
#           account_tier             = "Standard"
#           account_replication_type = "GRS"
#           https_traffic_only_enabled = true
#         }
#     pass:
#       - |
#         resource "azurerm_storage_account" "data" {
#           name                     = "corpdata"
#           resource_group_name      = "rg-data"
#           location                 = "westeurope"
#           account_tier             = "Standard"
#           account_replication_type = "GRS"
#           https_traffic_only_enabled        = true
#           min_tls_version                   = "TLS1_2"
#           allow_nested_items_to_be_public   = false
#           infrastructure_encryption_enabled = true
#           network_rules {
#             default_action = "Deny"
#             bypass         = ["AzureServices"]
#             ip_rules       = ["203.0.113.0/24"]
#           }
#         }
package rampart.azure.storage_infrastructure_encryption_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_storage_account"})
	v := cc.get(r.values, ["infrastructure_encryption_enabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not use infrastructure encryption", [r.address]), "resource": r.address, "attribute": "infrastructure_encryption_enabled"}
}
