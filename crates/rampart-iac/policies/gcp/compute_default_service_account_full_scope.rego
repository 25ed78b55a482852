# METADATA
# title: "VM instance gives the default service account full API scope"
# description: "The instance uses the default Compute Engine service account with the cloud-platform scope."
# custom:
#   id: gcp-compute-default-service-account-full-scope
#   severity: high
#   kinds: [terraform]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Default account plus full scope means any process on the VM gets the account's (often Editor) rights on every API."
#   remediation: "Use a dedicated service account, or narrow the scopes."
#   references: ["https://cloud.google.com/compute/docs/access/service-accounts#accesscopesiam"]
#   aliases:
#     checkov: [CKV_GCP_31]
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
#           service_account {
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
package rampart.gcp.compute_default_service_account_full_scope

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some r in cc.resources({"google_compute_instance", "google_compute_instance_template"})
	some i, sa in cc.arr(cc.oget(r.values, "service_account", []))
	email := cc.oget(sa, "email", "")
	default_or_empty(email)
	some s in cc.arr(cc.oget(sa, "scopes", []))
	s in {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}
	result := {"msg": sprintf("%s gives the default service account the cloud-platform scope", [r.address]), "resource": r.address, "attribute": sprintf("service_account.%d.scopes", [i])}
}

default_or_empty(e) if cc.blank(e)

default_or_empty(e) if gcp.default_sa(e)
