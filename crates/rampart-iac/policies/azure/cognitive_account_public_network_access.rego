# METADATA
# title: "Azure OpenAI / AI services account allows public network access"
# description: "public_network_access_enabled is not false on an azurerm_cognitive_account and no network_acls block denies by default."
# custom:
#   id: azure-cognitive-account-public-network-access
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM10:2025", "LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "A public model endpoint can be called with a leaked key from anywhere: data is sent to it and tokens are consumed at your cost."
#   remediation: "Set public_network_access_enabled = false with private endpoints, or network_acls { default_action = \"Deny\" } with allowed networks."
#   references: ["https://learn.microsoft.com/en-us/azure/ai-services/cognitive-services-virtual-networks"]
#   aliases:
#     checkov: [CKV_AZURE_134]
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
#           local_auth_enabled = false
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
#         resource "azurerm_cognitive_account" "openai" {
#           name                  = "corp-openai"
#           location              = "swedencentral"
#           resource_group_name   = "rg-ai"
#           kind                  = "OpenAI"
#           sku_name              = "S0"
#           custom_subdomain_name = "corp-openai"
#           local_auth_enabled = false
#           network_acls {
#             default_action = "Deny"
#             ip_rules       = ["203.0.113.0/24"]
#           }
#         }
package rampart.azure.cognitive_account_public_network_access

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_cognitive_account", "azurerm_ai_services"})
	not cc.is_or_unknown(cc.get(r.values, ["public_network_access_enabled"]), false)
	not cc.is_or_unknown(cc.get(r.values, ["network_acls", 0, "default_action"]), "Deny")
	result := {"msg": sprintf("%s accepts requests from any network", [r.address]), "resource": r.address, "attribute": "public_network_access_enabled"}
}
