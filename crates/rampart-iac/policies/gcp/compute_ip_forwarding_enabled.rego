# METADATA
# title: "VM instance can forward IP packets"
# description: "can_ip_forward = true."
# custom:
#   id: gcp-compute-ip-forwarding-enabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "IP forwarding lets the VM route traffic for other addresses, bypassing firewall intent unless it is a deliberate NAT/router appliance."
#   remediation: "Set can_ip_forward = false except on network appliances."
#   references: ["https://cloud.google.com/compute/docs/instances/create-start-instance#ip-forwarding"]
#   aliases:
#     checkov: [CKV_GCP_36]
#     trivy: [AVD-GCP-0043]
#     tfsec: [google-compute-no-ip-forwarding]
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
#           shielded_instance_config {
#             enable_secure_boot          = true
#             enable_vtpm                 = true
#             enable_integrity_monitoring = true
#           }
#           service_account {
#             email  = "app@corp-prod.iam.gserviceaccount.com"
#             scopes = ["cloud-platform"]
#           }
#
#           can_ip_forward = true
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
package rampart.gcp.compute_ip_forwarding_enabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_compute_instance", "google_compute_instance_template"})
	v := cc.get(r.values, ["can_ip_forward"])
	cc.differs(v, false, false)
	result := {"msg": sprintf("%s can forward IP packets", [r.address]), "resource": r.address, "attribute": "can_ip_forward"}
}
