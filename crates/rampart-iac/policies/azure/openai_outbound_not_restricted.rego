# METADATA
# title: "Azure OpenAI account can reach any outbound destination"
# description: "An OpenAI-kind account does not set outbound_network_access_restricted = true, so features that fetch data (such as On Your Data connectors) can send content anywhere."
# custom:
#   id: azure-openai-outbound-not-restricted
#   severity: medium
#   kinds: [terraform]
#   cwe: [200]
#   owasp: ["A04:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Restricting outbound access to an FQDN allow-list is Azure's data loss prevention control for AI services."
#   remediation: "Set outbound_network_access_restricted = true and list allowed destinations in fqdns."
#   references: ["https://learn.microsoft.com/en-us/azure/ai-services/cognitive-services-data-loss-prevention"]
#   aliases:
#     checkov: [CKV_AZURE_247]
#   examples:
#     fail:
#       - |
#         resource "azurerm_cognitive_account" "openai" {
#           name                  = "corp-openai"
#           location              = "swedencentral"
#           resource_group_name   = "rg-ai"
#           kind                  = "OpenAI"
#           sku_name              = "S0"
#           custom_subdomain_name = "corp-openai"
#           public_network_access_enabled = false
#         }
#     pass:
#       - |
#         resource "azurerm_cognitive_account" "openai" {
#           name                  = "corp-openai"
#           location              = "swedencentral"
#           resource_group_name   = "rg-ai"
#           kind                  = "OpenAI"
#           sku_name              = "S0"
#           custom_subdomain_name = "corp-openai"
#           public_network_access_enabled      = false
#           local_auth_enabled                 = false
#           outbound_network_access_restricted = true
#           fqdns                              = ["corpdata.blob.core.windows.net"]
#           customer_managed_key {
#             key_vault_key_id   = "https://ai-kv.vault.azure.net/keys/openai/0123456789abcdef"
#             identity_client_id = "00000000-0000-0000-0000-000000000000"
#           }
#           identity {
#             type         = "UserAssigned"
#             identity_ids = ["/subscriptions/0/resourceGroups/rg-ai/providers/Microsoft.ManagedIdentity/userAssignedIdentities/openai"]
#           }
#         }
#       - |
#         resource "azurerm_cognitive_account" "vision" {
#           name                = "corp-vision"
#           location            = "westeurope"
#           resource_group_name = "rg-ai"
#           kind                = "ComputerVision"
#           sku_name            = "S1"
#         }
package rampart.azure.openai_outbound_not_restricted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_cognitive_account"})
	cc.oget(r.values, "kind", "") == "OpenAI"
	cc.differs(cc.get(r.values, ["outbound_network_access_restricted"]), true, true)
	result := {"msg": sprintf("%s does not restrict outbound network access", [r.address]), "resource": r.address, "attribute": "outbound_network_access_restricted"}
}
