# METADATA
# title: "GKE control plane accepts connections from any address"
# description: "The cluster has no master_authorized_networks_config."
# custom:
#   id: gcp-gke-master-authorized-networks-missing
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without authorized networks the public control-plane endpoint is reachable from the whole internet."
#   remediation: "Add master_authorized_networks_config with the CIDR ranges of admins and CI, or enable_private_endpoint = true."
#   references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks"]
#   aliases:
#     checkov: [CKV_GCP_20]
#     trivy: [AVD-GCP-0061]
#     tfsec: [google-gke-enable-master-networks]
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
package rampart.gcp.gke_master_authorized_networks_missing

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_container_cluster"})
	cc.blank(cc.get(r.values, ["master_authorized_networks_config"]))
	result := {"msg": sprintf("%s has no master authorized networks", [r.address]), "resource": r.address, "attribute": "master_authorized_networks_config"}
}
