# METADATA
# title: "GKE nodes expose the legacy metadata endpoints"
# description: "node_config.metadata sets disable-legacy-endpoints to false on a cluster or node pool."
# custom:
#   id: gcp-gke-legacy-metadata-endpoints
#   severity: high
#   kinds: [terraform]
#   cwe: [918]
#   owasp: ["A10:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "The legacy v0.1/v1beta1 metadata endpoints answer without the Metadata-Flavor header, so SSRF in a pod can steal node credentials."
#   remediation: "Remove the override (legacy endpoints are disabled by default) and use GKE_METADATA workload metadata mode."
#   references: ["https://cloud.google.com/kubernetes-engine/docs/how-to/protecting-cluster-metadata"]
#   aliases:
#     trivy: [AVD-GCP-0048]
#     tfsec: [google-gke-metadata-endpoints-disabled]
#   examples:
#     fail:
#       - |
#         resource "google_container_node_pool" "pool" {
#           name    = "pool"
#           cluster = "main"
#           node_config {
#             machine_type = "e2-standard-4"
#             metadata = {
#               disable-legacy-endpoints = "false"
#             }
#           }
#         }
#     pass:
#       - |
#         resource "google_container_node_pool" "pool" {
#           name    = "pool"
#           cluster = "main"
#           node_config {
#             machine_type = "e2-standard-4"
#             metadata = {
#               disable-legacy-endpoints = "true"
#             }
#             workload_metadata_config {
#               mode = "GKE_METADATA"
#             }
#           }
#         }
package rampart.gcp.gke_legacy_metadata_endpoints

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some r in cc.resources({"google_container_cluster", "google_container_node_pool"})
	some i, n in cc.arr(cc.oget(r.values, "node_config", []))
	v := cc.oget(cc.oget(n, "metadata", {}), "disable-legacy-endpoints", "true")
	gcp.falsy(v)
	result := {"msg": sprintf("%s enables the legacy metadata endpoints", [r.address]), "resource": r.address, "attribute": sprintf("node_config.%d.metadata", [i])}
}
