# METADATA
# title: "Linux VM allows password authentication"
# description: "disable_password_authentication is false on a Linux VM or scale set (or a legacy VM's os_profile_linux_config)."
# custom:
#   id: azure-vm-password-authentication
#   severity: medium
#   kinds: [terraform]
#   cwe: [287, 521]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Password logins can be brute-forced; SSH keys cannot be guessed."
#   remediation: "Set disable_password_authentication = true and provide admin_ssh_key."
#   references: ["https://learn.microsoft.com/en-us/azure/virtual-machines/linux/create-ssh-keys-detailed"]
#   aliases:
#     checkov: [CKV_AZURE_149, CKV_AZURE_1]
#     trivy: [AVD-AZU-0039]
#     tfsec: [azure-compute-disable-password-authentication]
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
#           admin_password                  = "from-a-variable"
#           disable_password_authentication = false
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
#           admin_ssh_key {
#             username   = "azureuser"
#             public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnlyForDocs user@host"
#           }
#         }
package rampart.azure.vm_password_authentication

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set"})
	cc.get(r.values, ["disable_password_authentication"]) == false
	result := {"msg": sprintf("%s allows password authentication", [r.address]), "resource": r.address, "attribute": "disable_password_authentication"}
}

deny contains result if {
	some r in cc.resources({"azurerm_virtual_machine"})
	some i, c in cc.arr(cc.oget(r.values, "os_profile_linux_config", []))
	cc.oget(c, "disable_password_authentication", true) == false
	result := {"msg": sprintf("%s allows password authentication", [r.address]), "resource": r.address, "attribute": sprintf("os_profile_linux_config.%d.disable_password_authentication", [i])}
}
