# METADATA
# title: "Cloud Storage bucket versioning is disabled"
# description: "The bucket has no versioning block with enabled = true."
# custom:
#   id: gcp-storage-versioning-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [693]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.3.1"]
#   rationale: "Without object versions an overwrite or deletion cannot be undone."
#   remediation: "Add versioning { enabled = true } (with lifecycle rules for noncurrent versions)."
#   references: ["https://cloud.google.com/storage/docs/object-versioning"]
#   aliases:
#     checkov: [CKV_GCP_78]
#     trivy: [AVD-GCP-0078]
#     tfsec: [google-storage-enable-bucket-versioning]
#   examples:
#     fail:
#       - |
#         resource "google_storage_bucket" "data" {
#           name     = "corp-data"
#           location = "EU"
#           uniform_bucket_level_access = true
#         }
#     pass:
#       - |
#         resource "google_storage_bucket" "data" {
#           name     = "corp-data"
#           location = "EU"
#           uniform_bucket_level_access = true
#           public_access_prevention    = "enforced"
#           versioning {
#             enabled = true
#           }
#           logging {
#             log_bucket = "corp-access-logs"
#           }
#         }
package rampart.gcp.storage_versioning_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_storage_bucket"})
	v := cc.get(r.values, ["versioning", 0, "enabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not keep object versions", [r.address]), "resource": r.address, "attribute": "versioning.0.enabled"}
}
