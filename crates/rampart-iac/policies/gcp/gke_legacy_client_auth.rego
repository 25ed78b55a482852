# METADATA
# title: "GKE cluster uses basic auth or client certificates"
# description: "master_auth sets a username/password or issue_client_certificate = true."
# custom:
#   id: gcp-gke-legacy-client-auth
#   severity: high
#   kinds: [terraform]
#   cwe: [287, 798]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Static passwords and client certificates cannot be revoked individually and bypass IAM."
#   remediation: "Remove basic auth and client certificates; authenticate with IAM (gcloud / GKE auth plugin)."
#   references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#restrict_authn_methods"]
#   aliases:
#     checkov: [CKV_GCP_13]
#     trivy: [AVD-GCP-0064]
#     tfsec: [google-gke-no-legacy-authentication]
#   examples:
#     fail:
#       - |
#         resource "google_container_cluster" "main" {
#           name     = "main"
#           location = "europe-west1"
#           master_auth {
#             client_certificate_config {
#               issue_client_certificate = true
#             }
#           }
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
#           master_auth {
#             client_certificate_config {
#               issue_client_certificate = false
#             }
#           }
#         }
package rampart.gcp.gke_legacy_client_auth

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_container_cluster"})
	some i, m in cc.arr(cc.oget(r.values, "master_auth", []))
	some c in cc.arr(cc.oget(m, "client_certificate_config", []))
	cc.oget(c, "issue_client_certificate", false) == true
	result := {"msg": sprintf("%s issues client certificates", [r.address]), "resource": r.address, "attribute": sprintf("master_auth.%d.client_certificate_config", [i])}
}

deny contains result if {
	some r in cc.resources({"google_container_cluster"})
	some i, m in cc.arr(cc.oget(r.values, "master_auth", []))
	not cc.blank(cc.oget(m, "password", null))
	result := {"msg": sprintf("%s enables basic authentication", [r.address]), "resource": r.address, "attribute": sprintf("master_auth.%d.password", [i])}
}
