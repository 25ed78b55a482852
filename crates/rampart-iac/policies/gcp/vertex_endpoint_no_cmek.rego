# METADATA
# title: "Vertex AI endpoint is not encrypted with a customer-managed key"
# description: "A google_vertex_ai_endpoint has no encryption_spec.kms_key_name."
# custom:
#   id: gcp-vertex-endpoint-no-cmek
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Deployed model data and endpoint resources are encrypted with Google-managed keys you cannot restrict, audit or revoke."
#   remediation: "Add encryption_spec { kms_key_name = <Cloud KMS key in the endpoint's region> }."
#   references: ["https://cloud.google.com/vertex-ai/docs/general/cmek"]
#   aliases:
#     checkov: [CKV2_GCP_24]
#   examples:
#     fail:
#       - |
#         resource "google_vertex_ai_endpoint" "llm" {
#           name         = "llm"
#           display_name = "llm"
#           location     = "europe-west4"
#           network = "projects/123456789012/global/networks/ml"
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
package rampart.gcp.vertex_endpoint_no_cmek

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_vertex_ai_endpoint"})
	cc.blank(cc.get(r.values, ["encryption_spec", 0, "kms_key_name"]))
	result := {"msg": sprintf("%s is not encrypted with a customer-managed key", [r.address]), "resource": r.address, "attribute": "encryption_spec.0.kms_key_name"}
}
