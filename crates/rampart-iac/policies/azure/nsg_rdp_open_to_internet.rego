# METADATA
# title: "Network security group opens RDP to the internet"
# description: "A network security group rule allows inbound TCP 3389 (RDP) from any source (*, Internet, 0.0.0.0/0)."
# custom:
#   id: azure-nsg-rdp-open-to-internet
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Internet-facing RDP is constantly brute-forced and a common initial-access path."
#   remediation: "Restrict the source to known ranges, or use Azure Bastion / just-in-time VM access instead of an open RDP port."
#   references: ["https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview"]
#   aliases:
#     checkov: [CKV_AZURE_9]
#     trivy: [AVD-AZU-0048]
#     tfsec: [azure-network-disable-rdp-from-internet]
#   examples:
#     fail:
#       - |
#         resource "azurerm_network_security_group" "web" {
#           name                = "web"
#           location            = "westeurope"
#           resource_group_name = "rg-net"
#           security_rule {
#             name                       = "admin"
#             priority                   = 100
#             direction                  = "Inbound"
#             access                     = "Allow"
#             protocol                   = "Tcp"
#             source_port_range          = "*"
#             destination_port_range     = "3389"
#             source_address_prefix      = "*"
#             destination_address_prefix = "*"
#           }
#         }
#       - |
#         resource "azurerm_network_security_group" "web" {
#           name                = "web"
#           location            = "westeurope"
#           resource_group_name = "rg-net"
#           security_rule {
#             name                       = "admin"
#             priority                   = 100
#             direction                  = "Inbound"
#             access                     = "Allow"
#             protocol                   = "Tcp"
#             source_port_range          = "*"
#             destination_port_range     = "1-65535"
#             source_address_prefix      = "Internet"
#             destination_address_prefix = "*"
#           }
#         }
#       - |
#         resource "azurerm_network_security_rule" "admin" {
#           name                        = "admin"
#           priority                    = 100
#           direction                   = "Inbound"
#           access                      = "Allow"
#           protocol                    = "*"
#           source_port_range           = "*"
#           destination_port_ranges     = ["443", "3389"]
#           source_address_prefix       = "0.0.0.0/0"
#           destination_address_prefix  = "*"
#           resource_group_name         = "rg-net"
#           network_security_group_name = "web"
#         }
#     pass:
#       - |
#         resource "azurerm_network_security_group" "web" {
#           name                = "web"
#           location            = "westeurope"
#           resource_group_name = "rg-net"
#           security_rule {
#             name                       = "admin"
#             priority                   = 100
#             direction                  = "Inbound"
#             access                     = "Allow"
#             protocol                   = "Tcp"
#             source_port_range          = "*"
#             destination_port_range     = "3389"
#             source_address_prefix      = "10.0.0.0/8"
#             destination_address_prefix = "*"
#           }
#         }
#       - |
#         resource "azurerm_network_security_group" "web" {
#           name                = "web"
#           location            = "westeurope"
#           resource_group_name = "rg-net"
#           security_rule {
#             name                       = "admin"
#             priority                   = 100
#             direction                  = "Inbound"
#             access                     = "Allow"
#             protocol                   = "Tcp"
#             source_port_range          = "*"
#             destination_port_range     = "443"
#             source_address_prefix      = "*"
#             destination_address_prefix = "*"
#           }
#         }
package rampart.azure.nsg_rdp_open_to_internet

import data.rampart.lib.cloud_azure as az
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some x in az.world_inbound
	az.reaches(x.rule, 3389)
	result := {"msg": sprintf("%s allows RDP (port 3389) from the internet", [x.resource.address]), "resource": x.resource.address, "attribute": x.attribute}
}
