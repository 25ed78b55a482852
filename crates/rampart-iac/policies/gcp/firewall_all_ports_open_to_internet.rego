# METADATA
# title: "Firewall rule opens every port to the internet"
# description: "An enabled ingress rule from 0.0.0.0/0 allows protocol \"all\", or TCP/UDP without a port list or with 0-65535."
# custom:
#   id: gcp-firewall-all-ports-open-to-internet
#   severity: critical
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Every service on every targeted instance becomes reachable from the internet."
#   remediation: "Allow only the required ports, from the required sources."
#   references: ["https://cloud.google.com/firewall/docs/firewalls"]
#   aliases:
#     checkov: [CKV2_GCP_12]
#     trivy: [AVD-GCP-0072]
#     tfsec: [google-compute-disable-allow-all-ports]
#   examples:
#     fail:
#       - |
#         resource "google_compute_firewall" "admin" {
#           name          = "admin"
#           network       = "default"
#           source_ranges = ["0.0.0.0/0"]
#           allow {
#             protocol = "all"
#           }
#         }
#       - |
#         resource "google_compute_firewall" "admin" {
#           name          = "admin"
#           network       = "default"
#           source_ranges = ["0.0.0.0/0"]
#           allow {
#             protocol = "tcp"
#             ports    = ["0-65535"]
#           }
#         }
#     pass:
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
#       - |
#         resource "google_compute_firewall" "admin" {
#           name          = "admin"
#           network       = "default"
#           source_ranges = ["10.0.0.0/8"]
#           allow {
#             protocol = "all"
#           }
#         }
package rampart.gcp.firewall_all_ports_open_to_internet

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some f in gcp.world_ingress_firewalls
	some a in cc.arr(cc.oget(f.values, "allow", []))
	wide(a)
	result := {"msg": sprintf("%s allows every port from the internet", [f.address]), "resource": f.address, "attribute": "allow"}
}

wide(a) if cc.lower_s(sprintf("%v", [cc.oget(a, "protocol", "")])) in {"all", "-1"}

wide(a) if {
	cc.lower_s(sprintf("%v", [cc.oget(a, "protocol", "")])) in {"tcp", "udp"}
	cc.size(cc.arr(cc.oget(a, "ports", []))) == 0
}

wide(a) if {
	some p in cc.arr(cc.oget(a, "ports", []))
	sprintf("%v", [p]) in {"0-65535", "1-65535"}
}
