# METADATA
# title: "Storage account allows anonymous blob access"
# description: "allow_nested_items_to_be_public (allow_blob_public_access in older providers) is true or left at the azurerm 3.x default of true, so containers can be made public."
# custom:
#   id: azure-storage-blob-public-access-allowed
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "One container switched to public access exposes every blob in it to the internet."
#   remediation: "Set allow_nested_items_to_be_public = false."
#   references: ["https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent"]
#   aliases:
#     checkov: [CKV_AZURE_190]
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
#           allow_nested_items_to_be_public = true
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
package rampart.azure.storage_blob_public_access_allowed

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_storage_account"})
	not cc.is_or_unknown(cc.get(r.values, ["allow_nested_items_to_be_public"]), false)
	not cc.is_or_unknown(cc.get(r.values, ["allow_blob_public_access"]), false)
	not cc.unknown(cc.get(r.values, ["allow_nested_items_to_be_public"]))
	result := {"msg": sprintf("%s allows containers to be made public", [r.address]), "resource": r.address, "attribute": "allow_nested_items_to_be_public"}
}
