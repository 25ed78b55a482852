# METADATA
# title: "Azure OpenAI / AI services account allows API-key authentication"
# description: "local_auth_enabled is not false, so the account's static API keys grant full use of every deployment."
# custom:
#   id: azure-cognitive-account-local-auth-enabled
#   severity: high
#   kinds: [terraform]
#   cwe: [798, 287]
#   owasp: ["A07:2021"]
#   owasp_llm: ["LLM10:2025", "LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Model API keys leak into code, notebooks and logs constantly; with key auth disabled, only Entra ID identities with a role can call the models."
#   remediation: "Set local_auth_enabled = false and grant \"Cognitive Services OpenAI User\" to the calling identities."
#   references: ["https://learn.microsoft.com/en-us/azure/ai-services/disable-local-auth"]
#   aliases:
#     checkov: [CKV_AZURE_236]
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
package rampart.azure.cognitive_account_local_auth_enabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_cognitive_account", "azurerm_ai_services"})
	v := cc.get(r.values, ["local_auth_enabled"])
	cc.differs(v, false, true)
	result := {"msg": sprintf("%s allows API-key authentication", [r.address]), "resource": r.address, "attribute": "local_auth_enabled"}
}
