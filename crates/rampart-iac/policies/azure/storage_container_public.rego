# METADATA
# title: "Storage container is publicly readable"
# description: "container_access_type is \"blob\" or \"container\", allowing anonymous reads (and listing for \"container\")."
# custom:
#   id: azure-storage-container-public
#   severity: high
#   kinds: [terraform]
#   cwe: [284, 200]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Anonymous containers are a frequent source of data leaks; their URLs are easy to guess and scan."
#   remediation: "Set container_access_type = \"private\" and share with SAS tokens or Entra ID."
#   references: ["https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-configure"]
#   aliases:
#     checkov: [CKV_AZURE_34]
#     trivy: [AVD-AZU-0007]
#     tfsec: [azure-storage-no-public-access]
#   examples:
#     fail:
#       - |
#         resource "azurerm_storage_container" "exports" {
#           name                  = "exports"
#           storage_account_name  = "corpdata"
#           container_access_type = "container"
#         }
#     pass:
#       - |
#         resource "azurerm_storage_container" "exports" {
#           name                  = "exports"
#           storage_account_name  = "corpdata"
#           container_access_type = "private"
#         }
package rampart.azure.storage_container_public

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_storage_container"})
	v := cc.get(r.values, ["container_access_type"])
	v in {"blob", "container"}
	result := {"msg": sprintf("%s allows anonymous access (%v)", [r.address, v]), "resource": r.address, "attribute": "container_access_type"}
}
