# METADATA
# title: "Cloud Storage bucket is readable by allUsers or allAuthenticatedUsers"
# description: "An IAM member/binding or ACL on the bucket (or its objects) grants a role to allUsers or allAuthenticatedUsers."
# custom:
#   id: gcp-storage-bucket-public
#   severity: high
#   kinds: [terraform]
#   cwe: [284, 200]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "allUsers is anyone on the internet; allAuthenticatedUsers is anyone with any Google account. Both make the data public."
#   remediation: "Remove the public member; grant roles to specific groups or service accounts and set public_access_prevention = \"enforced\"."
#   references: ["https://cloud.google.com/storage/docs/access-control/making-data-public", "https://cloud.google.com/storage/docs/public-access-prevention"]
#   aliases:
#     checkov: [CKV_GCP_28]
#     trivy: [AVD-GCP-0001]
#     tfsec: [google-storage-no-public-access]
#   examples:
#     fail:
#       - |
#         resource "google_storage_bucket_iam_member" "public" {
#           bucket = "corp-data"
#           role   = "roles/storage.objectViewer"
#           member = "allUsers"
#         }
#       - |
#         resource "google_storage_bucket_iam_binding" "viewers" {
#           bucket  = "corp-data"
#           role    = "roles/storage.objectViewer"
#           members = ["group:data-readers@example.com", "allAuthenticatedUsers"]
#         }
#       - |
#         resource "google_storage_bucket_access_control" "public" {
#           bucket = "corp-data"
#           role   = "READER"
#           entity = "allUsers"
#         }
#     pass:
#       - |
#         resource "google_storage_bucket_iam_member" "readers" {
#           bucket = "corp-data"
#           role   = "roles/storage.objectViewer"
#           member = "group:data-readers@example.com"
#         }
package rampart.gcp.storage_bucket_public

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some g in gcp.iam_grants({"google_storage_bucket_iam"})
	g.member in gcp.public_members
	result := {"msg": sprintf("%s grants %s to %s", [g.resource.address, g.role, g.member]), "resource": g.resource.address, "attribute": g.attribute}
}

deny contains result if {
	some r in cc.resources({"google_storage_bucket_access_control", "google_storage_object_access_control", "google_storage_default_object_access_control"})
	cc.oget(r.values, "entity", "") in gcp.public_members
	result := {"msg": sprintf("%s grants access to %s", [r.address, r.values.entity]), "resource": r.address, "attribute": "entity"}
}

deny contains result if {
	some r in cc.resources({"google_storage_bucket_acl", "google_storage_default_object_acl", "google_storage_object_acl"})
	some k in ["role_entity"]
	some e in cc.arr(cc.oget(r.values, k, []))
	some m in gcp.public_members
	cc.ends(e, sprintf(":%s", [m]))
	result := {"msg": sprintf("%s grants %s", [r.address, e]), "resource": r.address, "attribute": k}
}
