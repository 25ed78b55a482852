# METADATA
# title: "Azure AI Search service allows public network access"
# description: "public_network_access_enabled is not false on an azurerm_search_service (commonly the retrieval index of a RAG application)."
# custom:
#   id: azure-ai-search-public-network-access
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM08:2025", "LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "A public search index exposes the documents a RAG application retrieves to anyone holding a query key."
#   remediation: "Set public_network_access_enabled = false with private endpoints, or restrict allowed_ips."
#   references: ["https://learn.microsoft.com/en-us/azure/search/service-configure-firewall"]
#   aliases:
#     checkov: [CKV_AZURE_124]
#   examples:
#     fail:
#       - |
#         resource "azurerm_search_service" "rag" {
#           name                = "corp-rag"
#           resource_group_name = "rg-ai"
#           location            = "westeurope"
#           sku                 = "standard"
#         }
#     pass:
#       - |
#         resource "azurerm_search_service" "rag" {
#           name                          = "corp-rag"
#           resource_group_name           = "rg-ai"
#           location                      = "westeurope"
#           sku                           = "standard"
#           public_network_access_enabled = false
#           local_authentication_enabled  = false
#         }
package rampart.azure.ai_search_public_network_access

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_search_service"})
	cc.differs(cc.get(r.values, ["public_network_access_enabled"]), false, true)
	cc.blank(cc.get(r.values, ["allowed_ips"]))
	result := {"msg": sprintf("%s accepts queries from any network", [r.address]), "resource": r.address, "attribute": "public_network_access_enabled"}
}
