# METADATA
# title: "Cloud Storage bucket has no usage logging"
# description: "The bucket has no logging block naming a log bucket."
# custom:
#   id: gcp-storage-access-logging-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Usage logs record who accessed which objects (complementing Data Access audit logs)."
#   remediation: "Add logging { log_bucket = <a separate bucket> }."
#   references: ["https://cloud.google.com/storage/docs/access-logs"]
#   aliases:
#     checkov: [CKV_GCP_62]
#     trivy: [AVD-GCP-0077]
#     tfsec: [google-storage-enable-bucket-logging]
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
package rampart.gcp.storage_access_logging_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_storage_bucket"})
	cc.blank(cc.get(r.values, ["logging", 0, "log_bucket"]))
	result := {"msg": sprintf("%s has no access logging", [r.address]), "resource": r.address, "attribute": "logging.0.log_bucket"}
}
