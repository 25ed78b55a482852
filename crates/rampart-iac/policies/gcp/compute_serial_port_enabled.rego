# METADATA
# title: "VM instance enables interactive serial port access"
# description: "The instance metadata sets serial-port-enable to true."
# custom:
#   id: gcp-compute-serial-port-enabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "The interactive serial console accepts connections from any IP address and bypasses firewall rules."
#   remediation: "Remove serial-port-enable (or set it to false); use it only temporarily for break-glass debugging."
#   references: ["https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console"]
#   aliases:
#     checkov: [CKV_GCP_35]
#     trivy: [AVD-GCP-0032]
#     tfsec: [google-compute-no-serial-port]
#   examples:
#     fail:
#       - |
#         resource "google_compute_instance" "app" {
#           name         = "app"
#           machine_type = "e2-medium"
#           zone         = "europe-west1-b"
#           boot_disk {
#             initialize_params {
#               image = "debian-cloud/debian-12"
#             }
#           }
#           network_interface {
#             subnetwork = "app"
#           }
#           metadata = {
#             serial-port-enable = "true"
#           }
#           shielded_instance_config {
#             enable_secure_boot          = true
#             enable_vtpm                 = true
#             enable_integrity_monitoring = true
#           }
#           service_account {
#             email  = "app@corp-prod.iam.gserviceaccount.com"
#             scopes = ["cloud-platform"]
#           }
#         }
#     pass:
#       - |
#         resource "google_compute_instance" "app" {
#           name         = "app"
#           machine_type = "e2-medium"
#           zone         = "europe-west1-b"
#           boot_disk {
#             initialize_params {
#               image = "debian-cloud/debian-12"
#             }
#           }
#           network_interface {
#             subnetwork = "app"
#           }
#           metadata = {
#             block-project-ssh-keys = "true"
#             enable-oslogin = "TRUE"
#           }
#           shielded_instance_config {
#             enable_secure_boot          = true
#             enable_vtpm                 = true
#             enable_integrity_monitoring = true
#           }
#           service_account {
#             email  = "app@corp-prod.iam.gserviceaccount.com"
#             scopes = ["cloud-platform"]
#           }
#         }
package rampart.gcp.compute_serial_port_enabled

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some r in cc.resources({"google_compute_instance", "google_compute_instance_template"})
	gcp.truthy(cc.oget(cc.oget(r.values, "metadata", {}), "serial-port-enable", "false"))
	result := {"msg": sprintf("%s enables interactive serial port access", [r.address]), "resource": r.address, "attribute": "metadata.serial-port-enable"}
}
