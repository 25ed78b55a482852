# METADATA
# title: "Azure OpenAI / AI services account is not encrypted with a customer managed key"
# description: "The account has no customer_managed_key block and no azurerm_cognitive_account_customer_managed_key refers to it."
# custom:
#   id: azure-cognitive-account-no-cmk
#   severity: low
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Fine-tuning files, uploaded data and stored completions are encrypted with Microsoft-managed keys you cannot revoke."
#   remediation: "Add customer_managed_key { key_vault_key_id, identity_client_id } or an azurerm_cognitive_account_customer_managed_key."
#   references: ["https://learn.microsoft.com/en-us/azure/ai-services/openai/encrypt-data-at-rest"]
#   aliases:
#     checkov: [CKV2_AZURE_22]
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
package rampart.azure.cognitive_account_no_cmk

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_cognitive_account"})
	cc.blank(cc.get(r.values, ["customer_managed_key"]))
	not separate(r)
	result := {"msg": sprintf("%s is not encrypted with a customer managed key", [r.address]), "resource": r.address, "attribute": "customer_managed_key"}
}

separate(r) if {
	some k in cc.resources({"azurerm_cognitive_account_customer_managed_key"})
	r.address in k.references
}
