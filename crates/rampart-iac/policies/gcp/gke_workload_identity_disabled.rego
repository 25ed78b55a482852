# METADATA
# title: "GKE cluster does not use Workload Identity"
# description: "The cluster has no workload_identity_config, so pods use the node's service account (or exported keys) to call Google APIs."
# custom:
#   id: gcp-gke-workload-identity-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [269, 522]
#   owasp: ["A01:2021", "A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without Workload Identity every pod on a node shares the node's credentials from the metadata server."
#   remediation: "Add workload_identity_config { workload_pool = \"<project>.svc.id.goog\" } and map Kubernetes service accounts to IAM."
#   references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity"]
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
#           enable_autopilot = true
#         }
package rampart.gcp.gke_workload_identity_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_container_cluster"})
	not cc.is_or_unknown(cc.get(r.values, ["enable_autopilot"]), true)
	cc.blank(cc.get(r.values, ["workload_identity_config", 0, "workload_pool"]))
	result := {"msg": sprintf("%s does not enable Workload Identity", [r.address]), "resource": r.address, "attribute": "workload_identity_config"}
}
