# METADATA
# title: "OS Login is disabled for a VM or the project"
# description: "Instance metadata sets enable-oslogin to false (overriding the project), or project metadata does not set enable-oslogin to TRUE."
# custom:
#   id: gcp-compute-oslogin-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [287]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "OS Login ties SSH access to IAM identities (with 2FA and audit); metadata SSH keys are unmanaged and never expire."
#   remediation: "Set enable-oslogin = \"TRUE\" in project metadata and do not override it on instances."
#   references: ["https://cloud.google.com/compute/docs/oslogin/set-up-oslogin"]
#   aliases:
#     checkov: [CKV_GCP_34, CKV_GCP_33]
#     trivy: [AVD-GCP-0036, AVD-GCP-0042]
#     tfsec: [google-compute-no-oslogin-override, google-compute-project-level-oslogin]
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
#             enable-oslogin = "FALSE"
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
#       - |
#         resource "google_compute_project_metadata" "default" {
#           metadata = {
#             enable-oslogin = "FALSE"
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
#       - |
#         resource "google_compute_project_metadata_item" "oslogin" {
#           key   = "enable-oslogin"
#           value = "TRUE"
#         }
package rampart.gcp.compute_oslogin_disabled

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some r in cc.resources({"google_compute_instance", "google_compute_instance_template"})
	gcp.falsy(cc.oget(cc.oget(r.values, "metadata", {}), "enable-oslogin", "true"))
	result := {"msg": sprintf("%s disables OS Login", [r.address]), "resource": r.address, "attribute": "metadata.enable-oslogin"}
}

deny contains result if {
	some r in cc.resources({"google_compute_project_metadata"})
	not gcp.truthy(cc.oget(cc.oget(r.values, "metadata", {}), "enable-oslogin", "false"))
	result := {"msg": sprintf("%s does not enable OS Login for the project", [r.address]), "resource": r.address, "attribute": "metadata.enable-oslogin"}
}

deny contains result if {
	some r in cc.resources({"google_compute_project_metadata_item"})
	cc.oget(r.values, "key", "") == "enable-oslogin"
	gcp.falsy(cc.oget(r.values, "value", ""))
	result := {"msg": sprintf("%s disables OS Login for the project", [r.address]), "resource": r.address, "attribute": "value"}
}
