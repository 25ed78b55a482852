# METADATA
# title: "Cloud Storage bucket is not encrypted with a customer-managed key"
# description: "A google_storage_bucket has no encryption.default_kms_key_name."
# custom:
#   id: gcp-storage-bucket-no-cmek
#   severity: low
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "With Google-managed keys you cannot restrict or audit decryption separately from bucket access, or crypto-shred the data."
#   remediation: "Add encryption { default_kms_key_name = <Cloud KMS key> } (the Cloud Storage service agent needs encrypter/decrypter on the key)."
#   references: ["https://cloud.google.com/storage/docs/encryption/customer-managed-keys"]
#   aliases:
#     trivy: [AVD-GCP-0066]
#     tfsec: [google-storage-bucket-encryption-customer-key]
#   examples:
#     fail:
#       - |
#         resource "google_storage_bucket" "data" {
#           name     = "corp-data"
#           location = "EU"
#         }
#     pass:
#       - |
#         resource "google_storage_bucket" "data" {
#           name     = "corp-data"
#           location = "EU"
#           encryption {
#             default_kms_key_name = "projects/corp-prod/locations/eu/keyRings/storage/cryptoKeys/data"
#           }
#         }
package rampart.gcp.storage_bucket_no_cmek

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_storage_bucket"})
	cc.blank(cc.get(r.values, ["encryption", 0, "default_kms_key_name"]))
	result := {"msg": sprintf("%s is not encrypted with a customer-managed key", [r.address]), "resource": r.address, "attribute": "encryption.0.default_kms_key_name"}
}
