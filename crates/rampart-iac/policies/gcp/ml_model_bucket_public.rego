# METADATA
# title: "Model or training-data bucket is publicly accessible"
# description: "A Cloud Storage bucket named or labelled as holding models, datasets or ML artifacts is granted to allUsers/allAuthenticatedUsers, or does not enforce public access prevention."
# custom:
#   id: gcp-ml-model-bucket-public
#   severity: high
#   kinds: [terraform]
#   cwe: [284, 494]
#   owasp: ["A01:2021", "A08:2021"]
#   owasp_llm: ["LLM03:2025", "LLM04:2025"]
#   ssdf: ["PS.1.1", "PW.9.1"]
#   rationale: "Public model buckets leak weights and training data; writable ones let anyone replace a model that is later loaded (pickle-based formats execute code when loaded)."
#   remediation: "Set public_access_prevention = \"enforced\" and uniform_bucket_level_access = true on model and dataset buckets; grant access only to training and serving service accounts."
#   references: ["https://cloud.google.com/storage/docs/public-access-prevention", "https://genai.owasp.org/llmrisk/llm032025-supply-chain/"]
#   examples:
#     fail:
#       - |
#         resource "google_storage_bucket" "models" {
#           name     = "corp-ml-models"
#           location = "EU"
#         }
#       - |
#         resource "google_storage_bucket" "store" {
#           name                     = "corp-store-7"
#           location                 = "EU"
#           public_access_prevention = "inherited"
#           labels = {
#             purpose = "training-data"
#           }
#         }
#
#         resource "google_storage_bucket_iam_member" "public" {
#           bucket = google_storage_bucket.store.name
#           role   = "roles/storage.objectViewer"
#           member = "allUsers"
#         }
#     pass:
#       - |
#         resource "google_storage_bucket" "models" {
#           name                        = "corp-ml-models"
#           location                    = "EU"
#           uniform_bucket_level_access = true
#           public_access_prevention    = "enforced"
#         }
#       - |
#         resource "google_storage_bucket" "site" {
#           name     = "corp-html-site"
#           location = "EU"
#         }
package rampart.gcp.ml_model_bucket_public

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

ml_word := `(^|[^a-z])(ml|model|models|artifact|artifacts|vertex|training|inference|dataset|datasets|features?|llm|weights|checkpoints?)([^a-z]|$)`

model_bucket(b) if cc.matches(ml_word, cc.lower_s(sprintf("%v", [cc.oget(b.values, "name", "")])))

model_bucket(b) if {
	some k, v in cc.obj(cc.oget(b.values, "labels", {}))
	cc.matches(ml_word, cc.lower_s(sprintf("%v=%v", [k, v])))
}

deny contains result if {
	some b in cc.resources({"google_storage_bucket"})
	model_bucket(b)
	cc.differs(cc.get(b.values, ["public_access_prevention"]), "enforced", true)
	result := {"msg": sprintf("%s holds models or training data but does not enforce public access prevention", [b.address]), "resource": b.address, "attribute": "public_access_prevention"}
}

deny contains result if {
	some b in cc.resources({"google_storage_bucket"})
	model_bucket(b)
	some g in gcp.iam_grants({"google_storage_bucket_iam"})
	b.address in g.resource.references
	g.member in gcp.public_members
	result := {"msg": sprintf("%s grants %s on a model/training-data bucket to %s", [g.resource.address, g.role, g.member]), "resource": g.resource.address, "attribute": g.attribute}
}
