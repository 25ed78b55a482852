# METADATA
# title: "Cosmos DB account allows key-based authentication"
# description: "local_authentication_disabled is not true, so primary/secondary account keys grant full data access."
# custom:
#   id: azure-cosmosdb-key-auth-enabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [798, 287]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Account keys are long-lived, all-powerful shared secrets; Entra ID RBAC is auditable per identity."
#   remediation: "Set local_authentication_disabled = true and grant Cosmos DB data-plane roles to identities."
#   references: ["https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-setup-rbac#disable-local-auth"]
#   examples:
#     fail:
#       - |
#         resource "azurerm_cosmosdb_account" "db" {
#           name                = "corp-cosmos"
#           location            = "westeurope"
#           resource_group_name = "rg-data"
#           offer_type          = "Standard"
#           consistency_policy {
#             consistency_level = "Session"
#           }
#           geo_location {
#             location          = "westeurope"
#             failover_priority = 0
#           }
#         }
#     pass:
#       - |
#         resource "azurerm_cosmosdb_account" "db" {
#           name                          = "corp-cosmos"
#           location                      = "westeurope"
#           resource_group_name           = "rg-data"
#           offer_type                    = "Standard"
#           local_authentication_disabled = true
#           consistency_policy {
#             consistency_level = "Session"
#           }
#           geo_location {
#             location          = "westeurope"
#             failover_priority = 0
#           }
#         }
package rampart.azure.cosmosdb_key_auth_enabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_cosmosdb_account"})
	v := cc.get(r.values, ["local_authentication_disabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s allows account-key authentication", [r.address]), "resource": r.address, "attribute": "local_authentication_disabled"}
}
