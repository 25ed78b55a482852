# METADATA
# title: "Vertex AI vector search index endpoint is public"
# description: "A google_vertex_ai_index_endpoint sets public_endpoint_enabled = true, or has neither a network nor Private Service Connect."
# custom:
#   id: gcp-vertex-index-endpoint-public
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM08:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "The vector index of a RAG system returns the stored document chunks; a public endpoint exposes them to anyone with a token."
#   remediation: "Use network (VPC peering) or private_service_connect_config, and leave public_endpoint_enabled false."
#   references: ["https://cloud.google.com/vertex-ai/docs/vector-search/setup/setup"]
#   aliases:
#     checkov: [CKV2_GCP_34]
#   examples:
#     fail:
#       - |
#         resource "google_vertex_ai_index_endpoint" "rag" {
#           display_name            = "rag"
#           region                  = "europe-west4"
#           public_endpoint_enabled = true
#         }
#     pass:
#       - |
#         resource "google_vertex_ai_index_endpoint" "rag" {
#           display_name = "rag"
#           region       = "europe-west4"
#           network      = "projects/123456789012/global/networks/ml"
#         }
package rampart.gcp.vertex_index_endpoint_public

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_vertex_ai_index_endpoint"})
	cc.get(r.values, ["public_endpoint_enabled"]) == true
	result := {"msg": sprintf("%s enables the public endpoint", [r.address]), "resource": r.address, "attribute": "public_endpoint_enabled"}
}

deny contains result if {
	some r in cc.resources({"google_vertex_ai_index_endpoint"})
	not cc.is_or_unknown(cc.get(r.values, ["public_endpoint_enabled"]), true)
	cc.blank(cc.get(r.values, ["network"]))
	not cc.is_or_unknown(cc.get(r.values, ["private_service_connect_config", 0, "enable_private_service_connect"]), true)
	result := {"msg": sprintf("%s has no private network configuration", [r.address]), "resource": r.address, "attribute": "network"}
}
