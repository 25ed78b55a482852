# METADATA
# title: "Storage account allows TLS older than 1.2"
# description: "min_tls_version is TLS1_0 or TLS1_1."
# custom:
#   id: azure-storage-min-tls-outdated
#   severity: medium
#   kinds: [terraform]
#   cwe: [326, 327]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "TLS 1.0/1.1 are deprecated (RFC 8996) and Azure is retiring them."
#   remediation: "Set min_tls_version = \"TLS1_2\"."
#   references: ["https://learn.microsoft.com/en-us/azure/storage/common/transport-layer-security-configure-minimum-version"]
#   aliases:
#     checkov: [CKV_AZURE_44]
#     trivy: [AVD-AZU-0011]
#     tfsec: [azure-storage-use-secure-tls-policy]
#   examples:
#     fail:
#       - |
#         resource "azurerm_storage_account" "data" {
#           name                     = "corpdata"
#           resource_group_name      = "rg-data"
#           location                 = "westeurope"
#           account_tier             = "Standard"
#           account_replication_type = "GRS"
#           min_tls_version = "TLS1_0"
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
package rampart.azure.storage_min_tls_outdated

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_storage_account"})
	v := cc.get(r.values, ["min_tls_version"])
	v in {"TLS1_0", "TLS1_1"}
	result := {"msg": sprintf("%s accepts %v", [r.address, v]), "resource": r.address, "attribute": "min_tls_version"}
}
