# METADATA
# title: "VM instance accepts project-wide SSH keys"
# description: "Instance metadata does not set block-project-ssh-keys to true."
# custom:
#   id: gcp-compute-project-ssh-keys-allowed
#   severity: medium
#   kinds: [terraform]
#   cwe: [284, 287]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A project-wide SSH key opens every instance in the project; one leaked key is a project-wide compromise."
#   remediation: "Set block-project-ssh-keys = \"true\" (or use OS Login)."
#   references: ["https://cloud.google.com/compute/docs/connect/restrict-ssh-keys#block-keys"]
#   aliases:
#     checkov: [CKV_GCP_32]
#     trivy: [AVD-GCP-0030]
#     tfsec: [google-compute-no-project-wide-ssh-keys]
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
#             serial-port-enable = "false"
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
package rampart.gcp.compute_project_ssh_keys_allowed

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some r in cc.resources({"google_compute_instance", "google_compute_instance_template"})
	not cc.unknown(cc.oget(r.values, "metadata", {}))
	not cc.unknown(cc.oget(cc.oget(r.values, "metadata", {}), "block-project-ssh-keys", "false"))
	not cc.unknown(cc.oget(cc.oget(r.values, "metadata", {}), "enable-oslogin", "false"))
	not gcp.truthy(cc.oget(cc.oget(r.values, "metadata", {}), "block-project-ssh-keys", "false"))
	not gcp.truthy(cc.oget(cc.oget(r.values, "metadata", {}), "enable-oslogin", "false"))
	result := {"msg": sprintf("%s accepts project-wide SSH keys", [r.address]), "resource": r.address, "attribute": "metadata"}
}
