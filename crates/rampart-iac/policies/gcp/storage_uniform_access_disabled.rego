# METADATA
# title: "Cloud Storage bucket uses fine-grained ACLs"
# description: "uniform_bucket_level_access is not true, so per-object ACLs can grant access that the bucket's IAM policy does not show."
# custom:
#   id: gcp-storage-uniform-access-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "With object ACLs, a single object can be made public or shared without any change to bucket IAM, which makes access impossible to review."
#   remediation: "Set uniform_bucket_level_access = true."
#   references: ["https://cloud.google.com/storage/docs/uniform-bucket-level-access"]
#   aliases:
#     checkov: [CKV_GCP_29]
#     trivy: [AVD-GCP-0002]
#     tfsec: [google-storage-enable-ubla]
#   examples:
#     fail:
#       - |
#         resource "google_storage_bucket" "data" {
#           name     = "corp-data"
#           location = "EU"
#
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
package rampart.gcp.storage_uniform_access_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_storage_bucket"})
	v := cc.get(r.values, ["uniform_bucket_level_access"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not enforce uniform bucket-level access", [r.address]), "resource": r.address, "attribute": "uniform_bucket_level_access"}
}
