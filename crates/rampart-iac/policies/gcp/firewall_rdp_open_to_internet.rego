# METADATA
# title: "Firewall rule opens RDP to the internet"
# description: "An enabled ingress firewall rule allows TCP 3389 (RDP) from 0.0.0.0/0."
# custom:
#   id: gcp-firewall-rdp-open-to-internet
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Internet-facing RDP is scanned and brute-forced continuously."
#   remediation: "Restrict source_ranges to known networks or use Identity-Aware Proxy TCP forwarding (35.235.240.0/20) instead of an open RDP port."
#   references: ["https://cloud.google.com/firewall/docs/firewalls", "https://cloud.google.com/iap/docs/using-tcp-forwarding"]
#   aliases:
#     checkov: [CKV_GCP_3]
#     trivy: [AVD-GCP-0070]
#     tfsec: [google-compute-no-open-rdp-access]
#   examples:
#     fail:
#       - |
#         resource "google_compute_firewall" "admin" {
#           name          = "admin"
#           network       = "default"
#           source_ranges = ["0.0.0.0/0"]
#           allow {
#             protocol = "tcp"
#             ports    = ["3389"]
#           }
#         }
#       - |
#         resource "google_compute_firewall" "admin" {
#           name          = "admin"
#           network       = "default"
#           source_ranges = ["0.0.0.0/0"]
#           allow {
#             protocol = "tcp"
#             ports    = ["1-65535"]
#           }
#         }
#       - |
#         resource "google_compute_firewall" "admin" {
#           name          = "admin"
#           network       = "default"
#           source_ranges = ["0.0.0.0/0"]
#           allow {
#             protocol = "all"
#           }
#         }
#     pass:
#       - |
#         resource "google_compute_firewall" "admin" {
#           name          = "admin"
#           network       = "default"
#           source_ranges = ["35.235.240.0/20"]
#           allow {
#             protocol = "tcp"
#             ports    = ["3389"]
#           }
#         }
#       - |
#         resource "google_compute_firewall" "admin" {
#           name          = "admin"
#           network       = "default"
#           source_ranges = ["0.0.0.0/0"]
#           allow {
#             protocol = "tcp"
#             ports    = ["443"]
#           }
#         }
package rampart.gcp.firewall_rdp_open_to_internet

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some f in gcp.world_ingress_firewalls
	gcp.allows_port(f, 3389)
	result := {"msg": sprintf("%s allows RDP (port 3389) from the internet", [f.address]), "resource": f.address, "attribute": "source_ranges"}
}
