# METADATA
# title: "BigQuery dataset is accessible by allUsers or allAuthenticatedUsers"
# description: "A dataset access entry or dataset IAM member/binding grants a role to allUsers or allAuthenticatedUsers."
# custom:
#   id: gcp-bigquery-dataset-public
#   severity: high
#   kinds: [terraform]
#   cwe: [284, 200]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Public datasets leak every table in them to anyone who knows or guesses the dataset id."
#   remediation: "Remove the public entry; grant access to groups or service accounts, or share through Analytics Hub."
#   references: ["https://cloud.google.com/bigquery/docs/dataset-access-controls"]
#   aliases:
#     checkov: [CKV_GCP_15, CKV_GCP_100]
#     trivy: [AVD-GCP-0046]
#     tfsec: [google-bigquery-no-public-access]
#   examples:
#     fail:
#       - |
#         resource "google_bigquery_dataset" "analytics" {
#           dataset_id = "analytics"
#           location   = "EU"
#           access {
#             role          = "READER"
#             special_group = "allAuthenticatedUsers"
#           }
#         }
#       - |
#         resource "google_bigquery_dataset_iam_member" "public" {
#           dataset_id = "analytics"
#           role       = "roles/bigquery.dataViewer"
#           member     = "allUsers"
#         }
#     pass:
#       - |
#         resource "google_bigquery_dataset" "analytics" {
#           dataset_id = "analytics"
#           location   = "EU"
#           access {
#             role           = "READER"
#             group_by_email = "analysts@example.com"
#           }
#         }
package rampart.gcp.bigquery_dataset_public

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some r in cc.resources({"google_bigquery_dataset"})
	some i, a in cc.arr(cc.oget(r.values, "access", []))
	public_entry(a)
	result := {"msg": sprintf("%s grants dataset access to the public", [r.address]), "resource": r.address, "attribute": sprintf("access.%d", [i])}
}

deny contains result if {
	some g in gcp.iam_grants({"google_bigquery_dataset_iam", "google_bigquery_table_iam"})
	g.member in gcp.public_members
	result := {"msg": sprintf("%s grants %s to %s", [g.resource.address, g.role, g.member]), "resource": g.resource.address, "attribute": g.attribute}
}

public_entry(a) if cc.oget(a, "special_group", "") == "allAuthenticatedUsers"

public_entry(a) if cc.oget(a, "iam_member", "") in gcp.public_members
