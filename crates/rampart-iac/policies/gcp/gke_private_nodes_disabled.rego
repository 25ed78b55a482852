# METADATA
# title: "GKE nodes have public IP addresses"
# description: "private_cluster_config.enable_private_nodes is not true."
# custom:
#   id: gcp-gke-private-nodes-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Nodes with public IPs are reachable from the internet through any open port or NodePort."
#   remediation: "Add private_cluster_config { enable_private_nodes = true, master_ipv4_cidr_block = ... } and use Cloud NAT for egress."
#   references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/private-clusters"]
#   aliases:
#     checkov: [CKV_GCP_64]
#     trivy: [AVD-GCP-0059]
#     tfsec: [google-gke-enable-private-cluster]
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
package rampart.gcp.gke_private_nodes_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_container_cluster"})
	v := cc.get(r.values, ["private_cluster_config", 0, "enable_private_nodes"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s gives nodes public IP addresses", [r.address]), "resource": r.address, "attribute": "private_cluster_config.0.enable_private_nodes"}
}
