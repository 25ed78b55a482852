# METADATA
# title: "GKE cluster does not enforce network policies"
# description: "Neither network_policy.enabled = true nor Dataplane V2 (datapath_provider = ADVANCED_DATAPATH) is configured."
# custom:
#   id: gcp-gke-network-policy-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without enforcement every pod can reach every other pod; one compromised pod reaches all."
#   remediation: "Enable network_policy { enabled = true } or datapath_provider = \"ADVANCED_DATAPATH\"."
#   references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy"]
#   aliases:
#     checkov: [CKV_GCP_12]
#     trivy: [AVD-GCP-0056]
#     tfsec: [google-gke-enable-network-policy]
#   examples:
#     fail:
#       - |
#         resource "google_container_cluster" "main" {
#           name     = "main"
#           location = "europe-west1"
#           enable_shielded_nodes = true
#         }
#     pass:
#       - |
#         resource "google_container_cluster" "main" {
#           name     = "main"
#           location = "europe-west1"
#           enable_shielded_nodes = true
#           private_cluster_config {
#             enable_private_nodes    = true
#             enable_private_endpoint = false
#             master_ipv4_cidr_block  = "172.16.0.0/28"
#           }
#           master_authorized_networks_config {
#             cidr_blocks {
#               cidr_block   = "203.0.113.0/24"
#               display_name = "office"
#             }
#           }
#           network_policy {
#             enabled = true
#           }
#           workload_identity_config {
#             workload_pool = "corp-prod.svc.id.goog"
#           }
#         }
#       - |
#         resource "google_container_cluster" "main" {
#           name     = "main"
#           location = "europe-west1"
#           datapath_provider = "ADVANCED_DATAPATH"
#         }
package rampart.gcp.gke_network_policy_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_container_cluster"})
	not cc.is_or_unknown(cc.get(r.values, ["network_policy", 0, "enabled"]), true)
	not cc.is_or_unknown(cc.get(r.values, ["datapath_provider"]), "ADVANCED_DATAPATH")
	not cc.is_or_unknown(cc.get(r.values, ["enable_autopilot"]), true)
	result := {"msg": sprintf("%s does not enforce network policies", [r.address]), "resource": r.address, "attribute": "network_policy"}
}
