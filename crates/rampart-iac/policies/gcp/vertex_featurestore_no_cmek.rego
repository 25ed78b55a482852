# METADATA
# title: "Vertex AI featurestore is not encrypted with a customer-managed key"
# description: "A google_vertex_ai_featurestore has no encryption_spec.kms_key_name."
# custom:
#   id: gcp-vertex-featurestore-no-cmek
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Feature values (often derived from personal data) are encrypted with Google-managed keys you cannot restrict, audit or revoke."
#   remediation: "Add encryption_spec { kms_key_name = <Cloud KMS key in the same region> }."
#   references: ["https://cloud.google.com/vertex-ai/docs/general/cmek"]
#   aliases:
#     checkov: [CKV2_GCP_25]
#   examples:
#     fail:
#       - |
#         resource "google_vertex_ai_featurestore" "main" {
#           name   = "features"
#           region = "europe-west4"
#           online_serving_config {
#             fixed_node_count = 1
#           }
#         }
#     pass:
#       - |
#         resource "google_vertex_ai_featurestore" "main" {
#           name   = "features"
#           region = "europe-west4"
#           online_serving_config {
#             fixed_node_count = 1
#           }
#           encryption_spec {
#             kms_key_name = "projects/corp-prod/locations/europe-west4/keyRings/ml/cryptoKeys/vertex"
#           }
#         }
package rampart.gcp.vertex_featurestore_no_cmek

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_vertex_ai_featurestore"})
	cc.blank(cc.get(r.values, ["encryption_spec", 0, "kms_key_name"]))
	result := {"msg": sprintf("%s is not encrypted with a customer-managed key", [r.address]), "resource": r.address, "attribute": "encryption_spec.0.kms_key_name"}
}
