# METADATA
# title: "GKE cluster enables legacy ABAC"
# description: "enable_legacy_abac = true."
# custom:
#   id: gcp-gke-legacy-abac-enabled
#   severity: high
#   kinds: [terraform]
#   cwe: [285]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Legacy ABAC grants broad static permissions that bypass Kubernetes RBAC."
#   remediation: "Remove enable_legacy_abac (defaults to false) and use RBAC."
#   references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110"]
#   aliases:
#     checkov: [CKV_GCP_7]
#     trivy: [AVD-GCP-0062]
#     tfsec: [google-gke-use-rbac-permissions]
#   examples:
#     fail:
#       - |
#         resource "google_container_cluster" "main" {
#           name     = "main"
#           location = "europe-west1"
#           enable_legacy_abac = true
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
package rampart.gcp.gke_legacy_abac_enabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_container_cluster"})
	v := cc.get(r.values, ["enable_legacy_abac"])
	cc.differs(v, false, false)
	result := {"msg": sprintf("%s enables legacy ABAC", [r.address]), "resource": r.address, "attribute": "enable_legacy_abac"}
}
