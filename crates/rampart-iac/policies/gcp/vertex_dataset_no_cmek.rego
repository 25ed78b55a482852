# METADATA
# title: "Vertex AI dataset is not encrypted with a customer-managed key"
# description: "A google_vertex_ai_dataset has no encryption_spec.kms_key_name."
# custom:
#   id: gcp-vertex-dataset-no-cmek
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025", "LLM04:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Training datasets are encrypted with Google-managed keys you cannot restrict, audit or revoke."
#   remediation: "Add encryption_spec { kms_key_name = <Cloud KMS key in the same region> }."
#   references: ["https://cloud.google.com/vertex-ai/docs/general/cmek"]
#   aliases:
#     checkov: [CKV_GCP_92]
#   examples:
#     fail:
#       - |
#         resource "google_vertex_ai_dataset" "main" {
#           display_name        = "support-tickets"
#           region              = "europe-west4"
#           metadata_schema_uri = "gs://google-cloud-aiplatform/schema/dataset/metadata/text_1.0.0.yaml"
#         }
#     pass:
#       - |
#         resource "google_vertex_ai_dataset" "main" {
#           display_name        = "support-tickets"
#           region              = "europe-west4"
#           metadata_schema_uri = "gs://google-cloud-aiplatform/schema/dataset/metadata/text_1.0.0.yaml"
#           encryption_spec {
#             kms_key_name = "projects/corp-prod/locations/europe-west4/keyRings/ml/cryptoKeys/vertex"
#           }
#         }
package rampart.gcp.vertex_dataset_no_cmek

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_vertex_ai_dataset"})
	cc.blank(cc.get(r.values, ["encryption_spec", 0, "kms_key_name"]))
	result := {"msg": sprintf("%s is not encrypted with a customer-managed key", [r.address]), "resource": r.address, "attribute": "encryption_spec.0.kms_key_name"}
}
