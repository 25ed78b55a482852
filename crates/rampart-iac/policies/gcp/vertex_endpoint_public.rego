# METADATA
# title: "Vertex AI endpoint is publicly reachable"
# description: "A google_vertex_ai_endpoint has neither a VPC network (peering) nor private_service_connect_config enabled, so it is served on the public endpoint."
# custom:
#   id: gcp-vertex-endpoint-public
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM10:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Public prediction endpoints can be called from anywhere with a stolen token: data goes in, predictions (and cost) come out."
#   remediation: "Set network for VPC peering or private_service_connect_config { enable_private_service_connect = true, project_allowlist = [...] }."
#   references: ["https://cloud.google.com/vertex-ai/docs/predictions/private-endpoints"]
#   aliases:
#     checkov: [CKV2_GCP_33]
#   examples:
#     fail:
#       - |
#         resource "google_vertex_ai_endpoint" "llm" {
#           name         = "llm"
#           display_name = "llm"
#           location     = "europe-west4"
#           encryption_spec {
#             kms_key_name = "projects/corp-prod/locations/europe-west4/keyRings/ml/cryptoKeys/vertex"
#           }
#         }
#     pass:
#       - |
#         resource "google_vertex_ai_endpoint" "llm" {
#           name         = "llm"
#           display_name = "llm"
#           location     = "europe-west4"
#           network = "projects/123456789012/global/networks/ml"
#           encryption_spec {
#             kms_key_name = "projects/corp-prod/locations/europe-west4/keyRings/ml/cryptoKeys/vertex"
#           }
#         }
#       - |
#         resource "google_vertex_ai_endpoint" "llm" {
#           name         = "llm"
#           display_name = "llm"
#           location     = "europe-west4"
#           private_service_connect_config {
#             enable_private_service_connect = true
#             project_allowlist              = ["corp-prod"]
#           }
#         }
package rampart.gcp.vertex_endpoint_public

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_vertex_ai_endpoint"})
	cc.blank(cc.get(r.values, ["network"]))
	not cc.is_or_unknown(cc.get(r.values, ["private_service_connect_config", 0, "enable_private_service_connect"]), true)
	result := {"msg": sprintf("%s is served on a public endpoint", [r.address]), "resource": r.address, "attribute": "network"}
}
