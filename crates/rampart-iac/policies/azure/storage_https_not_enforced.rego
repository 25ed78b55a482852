# METADATA
# title: "Storage account accepts plain HTTP"
# description: "https_traffic_only_enabled (enable_https_traffic_only in azurerm 3.x) is set to false."
# custom:
#   id: azure-storage-https-not-enforced
#   severity: high
#   kinds: [terraform]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Data and shared access signatures sent over HTTP can be read and replayed by anyone on the path."
#   remediation: "Set https_traffic_only_enabled = true (the default)."
#   references: ["https://learn.microsoft.com/en-us/azure/storage/common/storage-require-secure-transfer"]
#   aliases:
#     checkov: [CKV_AZURE_3]
#     trivy: [AVD-AZU-0008]
#     tfsec: [azure-storage-enforce-https]
#   examples:
#     fail:
#       - |
#         resource "azurerm_storage_account" "data" {
#           name                     = "corpdata"
#           resource_group_name      = "rg-data"
#           location                 = "westeurope"
#           account_tier             = "Standard"
#           account_replication_type = "GRS"
#           https_traffic_only_enabled = false
#         }
#       - |
#         resource "azurerm_storage_account" "data" {
#           name                     = "corpdata"
#           resource_group_name      = "rg-data"
#           location                 = "westeurope"
#           account_tier             = "Standard"
#           account_replication_type = "GRS"
#           enable_https_traffic_only = false
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
package rampart.azure.storage_https_not_enforced

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_storage_account"})
	some k in ["https_traffic_only_enabled", "enable_https_traffic_only"]
	cc.get(r.values, [k]) == false
	result := {"msg": sprintf("%s accepts requests over plain HTTP", [r.address]), "resource": r.address, "attribute": k}
}
