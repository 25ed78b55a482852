# METADATA
# title: "Cloud KMS key is not rotated every 90 days"
# description: "A google_kms_crypto_key has no rotation_period, or one longer than 90 days (7776000s)."
# custom:
#   id: gcp-kms-key-rotation-long
#   severity: medium
#   kinds: [terraform]
#   cwe: [320]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Regular rotation limits how much data one key version protects and how long a leaked version stays useful."
#   remediation: "Set rotation_period = \"7776000s\" or shorter."
#   references: ["https://cloud.google.com/kms/docs/key-rotation"]
#   aliases:
#     checkov: [CKV_GCP_43]
#     trivy: [AVD-GCP-0065]
#     tfsec: [google-kms-rotate-kms-keys]
#   examples:
#     fail:
#       - |
#         resource "google_kms_crypto_key" "data" {
#           name     = "data"
#           key_ring = "projects/corp-prod/locations/europe-west1/keyRings/main"
#         }
#       - |
#         resource "google_kms_crypto_key" "data" {
#           name            = "data"
#           key_ring        = "projects/corp-prod/locations/europe-west1/keyRings/main"
#           rotation_period = "31536000s"
#         }
#     pass:
#       - |
#         resource "google_kms_crypto_key" "data" {
#           name            = "data"
#           key_ring        = "projects/corp-prod/locations/europe-west1/keyRings/main"
#           rotation_period = "7776000s"
#         }
#       - |
#         resource "google_kms_crypto_key" "signing" {
#           name     = "signing"
#           key_ring = "projects/corp-prod/locations/europe-west1/keyRings/main"
#           purpose  = "ASYMMETRIC_SIGN"
#         }
package rampart.gcp.kms_key_rotation_long

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_kms_crypto_key"})
	cc.oget(r.values, "purpose", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
	p := cc.oget(r.values, "rotation_period", null)
	not cc.unknown(p)
	too_long(p)
	result := {"msg": sprintf("%s is not rotated at least every 90 days", [r.address]), "resource": r.address, "attribute": "rotation_period"}
}

too_long(p) if p == null

too_long(p) if {
	is_string(p)
	cc.ends(p, "s")
	cc.num(trim_suffix(p, "s")) > 7776000
}
