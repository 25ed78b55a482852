# METADATA
# title: "VM does not encrypt at host"
# description: "encryption_at_host_enabled is not true on a Linux or Windows VM or scale set, so temp disks and disk caches are not encrypted."
# custom:
#   id: azure-vm-encryption-at-host-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Server-side encryption covers managed disks but not the temporary disk and caches on the host; encryption at host closes that gap."
#   remediation: "Set encryption_at_host_enabled = true (register the EncryptionAtHost feature first)."
#   references: ["https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption#encryption-at-host---end-to-end-encryption-for-your-vm-data"]
#   aliases:
#     checkov: [CKV_AZURE_151]
#   examples:
#     fail:
#       - |
#         resource "azurerm_linux_virtual_machine" "vm" {
#           name                  = "app-vm"
#           resource_group_name   = "rg-app"
#           location              = "westeurope"
#           size                  = "Standard_D2s_v5"
#           admin_username        = "azureuser"
#           network_interface_ids = ["/subscriptions/0/resourceGroups/rg-app/providers/Microsoft.Network/networkInterfaces/app"]
#           os_disk {
#             caching              = "ReadWrite"
#             storage_account_type = "Premium_LRS"
#           }
#           source_image_reference {
#             publisher = "Canonical"
#             offer     = "ubuntu-24_04-lts"
#             sku       = "server"
#             version   = "latest"
#           }
#
#         }
#     pass:
#       - |
#         resource "azurerm_linux_virtual_machine" "vm" {
#           name                  = "app-vm"
#           resource_group_name   = "rg-app"
#           location              = "westeurope"
#           size                  = "Standard_D2s_v5"
#           admin_username        = "azureuser"
#           network_interface_ids = ["/subscriptions/0/resourceGroups/rg-app/providers/Microsoft.Network/networkInterfaces/app"]
#           os_disk {
#             caching              = "ReadWrite"
#             storage_account_type = "Premium_LRS"
#           }
#           source_image_reference {
#             publisher = "Canonical"
#             offer     = "ubuntu-24_04-lts"
#             sku       = "server"
#             version   = "latest"
#           }
#           encryption_at_host_enabled = true
#         }
package rampart.azure.vm_encryption_at_host_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set"})
	v := cc.get(r.values, ["encryption_at_host_enabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not encrypt at host", [r.address]), "resource": r.address, "attribute": "encryption_at_host_enabled"}
}
