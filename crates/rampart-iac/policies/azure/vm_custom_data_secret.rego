# METADATA
# title: "VM custom data contains credentials"
# description: "custom_data or user_data of a VM contains a password/secret/token assignment with a literal value."
# custom:
#   id: azure-vm-custom-data-secret
#   severity: high
#   kinds: [terraform]
#   cwe: [798]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Custom data is readable from the instance metadata service and by anyone who can read the VM model."
#   remediation: "Fetch secrets at boot from Key Vault with the VM's managed identity."
#   references: ["https://learn.microsoft.com/en-us/azure/virtual-machines/custom-data"]
#   aliases:
#     checkov: [CKV_AZURE_45]
#     trivy: [AVD-AZU-0037]
#     tfsec: [azure-compute-no-secrets-in-custom-data]
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
#           custom_data = "REJfUEFTU1dPUkQ9U3VwM3JTZWNyZXQh"
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
#           custom_data = "IyEvYmluL2Jhc2gKZWNobyBoZWxsbwo="
#         }
package rampart.azure.vm_custom_data_secret

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_virtual_machine", "azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set"})
	some k in ["custom_data", "user_data"]
	raw := cc.oget(r.values, k, "")
	is_string(raw)
	text := decoded(raw)
	cc.matches(`(password|passwd|secret|token|api_?key)[a-z0-9_]*[ \t]*[=:][ \t]*["']?[^ \t\n"'$(][^ \t\n"']{5,}`, cc.lower_s(text))
	result := {"msg": sprintf("%s has credentials in %s", [r.address, k]), "resource": r.address, "attribute": k}
}

decoded(raw) := base64.decode(raw) if base64.is_valid(raw) else := raw
