# METADATA
# title: "VM instance has an external IP address"
# description: "A network_interface has an access_config block, which assigns an external IP."
# custom:
#   id: gcp-compute-public-ip
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "External IPs make the VM reachable from the internet through any firewall gap."
#   remediation: "Remove access_config; use Cloud NAT for egress and IAP or load balancers for ingress."
#   references: ["https://cloud.google.com/compute/docs/ip-addresses#externaladdresses"]
#   aliases:
#     checkov: [CKV_GCP_40]
#     trivy: [AVD-GCP-0031]
#     tfsec: [google-compute-no-public-ip]
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
#             access_config {}
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
package rampart.gcp.compute_public_ip

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_compute_instance", "google_compute_instance_template"})
	some i, n in cc.arr(cc.oget(r.values, "network_interface", []))
	cc.size(cc.arr(cc.oget(n, "access_config", []))) > 0
	result := {"msg": sprintf("%s has an external IP address", [r.address]), "resource": r.address, "attribute": sprintf("network_interface.%d.access_config", [i])}
}
