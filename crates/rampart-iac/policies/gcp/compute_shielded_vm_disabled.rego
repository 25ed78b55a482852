# METADATA
# title: "VM instance is not a fully shielded VM"
# description: "shielded_instance_config is missing or turns off secure boot, vTPM or integrity monitoring."
# custom:
#   id: gcp-compute-shielded-vm-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [693]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Shielded VM detects and blocks boot-level and kernel-level malware (rootkits, bootkits)."
#   remediation: "Add shielded_instance_config with enable_secure_boot, enable_vtpm and enable_integrity_monitoring set to true (requires a shielded image)."
#   references: ["https://cloud.google.com/compute/docs/shielded-vm/shielded-vm"]
#   aliases:
#     checkov: [CKV_GCP_39]
#     trivy: [AVD-GCP-0067, AVD-GCP-0041, AVD-GCP-0045]
#     tfsec: [google-compute-enable-shielded-vm-sb, google-compute-enable-shielded-vm-vtpm, google-compute-enable-shielded-vm-im]
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
#             block-project-ssh-keys = "true"
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
package rampart.gcp.compute_shielded_vm_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_compute_instance", "google_compute_instance_template"})
	cfg := cc.oget(r.values, ["shielded_instance_config", 0], {})
	some f in ["enable_secure_boot", "enable_vtpm", "enable_integrity_monitoring"]
	not cc.is_or_unknown(cc.oget(cfg, f, f != "enable_secure_boot"), true)
	result := {"msg": sprintf("%s does not set %s", [r.address, f]), "resource": r.address, "attribute": sprintf("shielded_instance_config.0.%s", [f])}
}
