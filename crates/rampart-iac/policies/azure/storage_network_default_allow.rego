# METADATA
# title: "Storage account network rules allow all networks"
# description: "The storage account has no network_rules (and no azurerm_storage_account_network_rules) with default_action = \"Deny\", so it accepts connections from any network."
# custom:
#   id: azure-storage-network-default-allow
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "With a default allow, leaked keys or SAS tokens work from anywhere on the internet."
#   remediation: "Set network_rules { default_action = \"Deny\" } with the virtual networks and IP ranges that need access, or use private endpoints."
#   references: ["https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security"]
#   aliases:
#     checkov: [CKV_AZURE_35]
#     trivy: [AVD-AZU-0012]
#     tfsec: [azure-storage-default-action-deny]
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
#       - |
#         resource "azurerm_storage_account" "data" {
#           name                     = "corpdata"
#           resource_group_name      = "rg-data"
#           location                 = "westeurope"
#           account_tier             = "Standard"
#           account_replication_type = "GRS"
#           network_rules {
#             default_action = "Allow"
#           }
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
#       - |
#         resource "azurerm_storage_account" "data" {
#           name                     = "corpdata"
#           resource_group_name      = "rg-data"
#           location                 = "westeurope"
#           account_tier             = "Standard"
#           account_replication_type = "GRS"
#
#         }
#
#         resource "azurerm_storage_account_network_rules" "data" {
#           storage_account_id = azurerm_storage_account.data.id
#           default_action     = "Deny"
#         }
package rampart.azure.storage_network_default_allow

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_storage_account"})
	not denies_inline(r)
	not denies_separately(r)
	result := {"msg": sprintf("%s accepts connections from all networks", [r.address]), "resource": r.address, "attribute": "network_rules"}
}

denies_inline(r) if cc.is_or_unknown(cc.get(r.values, ["network_rules", 0, "default_action"]), "Deny")

denies_inline(r) if cc.is_or_unknown(cc.get(r.values, ["public_network_access_enabled"]), false)

denies_separately(r) if {
	some n in cc.resources({"azurerm_storage_account_network_rules"})
	r.address in n.references
	cc.is_or_unknown(cc.oget(n.values, "default_action", ""), "Deny")
}
