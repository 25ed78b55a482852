# METADATA
# title: "Cloud Storage bucket does not enforce public access prevention"
# description: "public_access_prevention is not \"enforced\" (\"inherited\" leaves the decision to the org policy)."
# custom:
#   id: gcp-storage-public-access-prevention-off
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Enforced public access prevention makes allUsers/allAuthenticatedUsers grants fail, whatever IAM or ACL change comes later."
#   remediation: "Set public_access_prevention = \"enforced\" (or enforce storage.publicAccessPrevention as an organization policy)."
#   references: ["https://cloud.google.com/storage/docs/public-access-prevention"]
#   aliases:
#     checkov: [CKV_GCP_114]
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
package rampart.gcp.storage_public_access_prevention_off

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_storage_bucket"})
	v := cc.get(r.values, ["public_access_prevention"])
	cc.differs(v, "enforced", true)
	result := {"msg": sprintf("%s does not enforce public access prevention", [r.address]), "resource": r.address, "attribute": "public_access_prevention"}
}
