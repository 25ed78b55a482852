# METADATA
# title: "Compute disk is not encrypted with a customer-managed key"
# description: "A google_compute_disk has no disk_encryption_key with a kms_key_self_link."
# custom:
#   id: gcp-compute-disk-no-cmek
#   severity: low
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "With Google-managed keys you cannot restrict, audit or crypto-shred access to the disk contents."
#   remediation: "Set disk_encryption_key { kms_key_self_link = <Cloud KMS key> }."
#   references: ["https://cloud.google.com/compute/docs/disks/customer-managed-encryption"]
#   aliases:
#     trivy: [AVD-GCP-0034]
#     tfsec: [google-compute-disk-encryption-customer-key]
#   examples:
#     fail:
#       - |
#         resource "google_compute_disk" "data" {
#           name = "data"
#           type = "pd-ssd"
#           zone = "europe-west1-b"
#           size = 200
#         }
#     pass:
#       - |
#         resource "google_compute_disk" "data" {
#           name = "data"
#           type = "pd-ssd"
#           zone = "europe-west1-b"
#           size = 200
#           disk_encryption_key {
#             kms_key_self_link = "projects/corp-prod/locations/europe-west1/keyRings/disks/cryptoKeys/data"
#           }
#         }
package rampart.gcp.compute_disk_no_cmek

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_compute_disk"})
	cc.blank(cc.get(r.values, ["disk_encryption_key", 0, "kms_key_self_link"]))
	result := {"msg": sprintf("%s is not encrypted with a customer-managed key", [r.address]), "resource": r.address, "attribute": "disk_encryption_key.0.kms_key_self_link"}
}
