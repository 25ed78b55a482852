# METADATA
# title: "VM instance runs as the default Compute Engine service account"
# description: "service_account.email is the default <number>-compute@developer.gserviceaccount.com account (or is left empty, which selects it)."
# custom:
#   id: gcp-compute-default-service-account
#   severity: medium
#   kinds: [terraform]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "The default service account is shared by every VM that does not choose one and historically holds the Editor role."
#   remediation: "Create a dedicated service account per workload with only the roles it needs."
#   references: ["https://cloud.google.com/compute/docs/access/service-accounts#default_service_account"]
#   aliases:
#     checkov: [CKV_GCP_30]
#     trivy: [AVD-GCP-0044]
#     tfsec: [google-compute-no-default-service-account]
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
#             email  = "123456789012-compute@developer.gserviceaccount.com"
#             scopes = ["logging-write", "monitoring-write"]
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
package rampart.gcp.compute_default_service_account

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some r in cc.resources({"google_compute_instance", "google_compute_instance_template"})
	some i, sa in cc.arr(cc.oget(r.values, "service_account", []))
	email := cc.oget(sa, "email", "")
	default_or_empty(email)
	result := {"msg": sprintf("%s runs as the default Compute Engine service account", [r.address]), "resource": r.address, "attribute": sprintf("service_account.%d.email", [i])}
}

default_or_empty(e) if cc.blank(e)

default_or_empty(e) if gcp.default_sa(e)
