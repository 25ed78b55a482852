# METADATA
# title: "Cloud KMS key or key ring is accessible by allUsers"
# description: "An IAM member/binding on a crypto key or key ring grants a role to allUsers or allAuthenticatedUsers."
# custom:
#   id: gcp-kms-key-public
#   severity: critical
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A public key lets anyone encrypt, decrypt or manage with it, depending on the role."
#   remediation: "Remove the public member; grant roles to specific service accounts."
#   references: ["https://cloud.google.com/kms/docs/iam"]
#   aliases:
#     checkov: [CKV2_GCP_6, CKV2_GCP_8]
#   examples:
#     fail:
#       - |
#         resource "google_kms_crypto_key_iam_member" "public" {
#           crypto_key_id = "projects/corp-prod/locations/europe-west1/keyRings/main/cryptoKeys/data"
#           role          = "roles/cloudkms.cryptoKeyDecrypter"
#           member        = "allAuthenticatedUsers"
#         }
#     pass:
#       - |
#         resource "google_kms_crypto_key_iam_member" "app" {
#           crypto_key_id = "projects/corp-prod/locations/europe-west1/keyRings/main/cryptoKeys/data"
#           role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
#           member        = "serviceAccount:app@corp-prod.iam.gserviceaccount.com"
#         }
package rampart.gcp.kms_key_public

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some g in gcp.iam_grants({"google_kms_crypto_key_iam", "google_kms_key_ring_iam"})
	g.member in gcp.public_members
	result := {"msg": sprintf("%s grants %s to %s", [g.resource.address, g.role, g.member]), "resource": g.resource.address, "attribute": g.attribute}
}
