# METADATA
# title: "GKE shielded nodes are disabled"
# description: "enable_shielded_nodes = false."
# custom:
#   id: gcp-gke-shielded-nodes-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [693]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Shielded nodes verify node identity and boot integrity, stopping node impersonation after a pod escape."
#   remediation: "Leave enable_shielded_nodes = true (the default)."
#   references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes"]
#   aliases:
#     checkov: [CKV_GCP_71]
#     trivy: [AVD-GCP-0055]
#     tfsec: [google-gke-node-shielding-enabled]
#   examples:
#     fail:
#       - |
#         resource "google_container_cluster" "main" {
#           name     = "main"
#           location = "europe-west1"
#           enable_shielded_nodes = false
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
package rampart.gcp.gke_shielded_nodes_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_container_cluster"})
	v := cc.get(r.values, ["enable_shielded_nodes"])
	cc.differs(v, true, false)
	result := {"msg": sprintf("%s disables shielded nodes", [r.address]), "resource": r.address, "attribute": "enable_shielded_nodes"}
}
