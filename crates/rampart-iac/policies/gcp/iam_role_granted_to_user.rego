# METADATA
# title: "IAM role granted directly to a user account"
# description: "A project, folder or organization IAM grant names a user: member instead of a group."
# custom:
#   id: gcp-iam-role-granted-to-user
#   severity: low
#   kinds: [terraform]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Per-user grants are forgotten when people change teams or leave; groups make access reviewable."
#   remediation: "Grant roles to Google groups and manage membership there."
#   references: ["https://cloud.google.com/iam/docs/using-iam-securely"]
#   aliases:
#     trivy: [AVD-GCP-0003]
#     tfsec: [google-iam-no-user-granted-permissions]
#   examples:
#     fail:
#       - |
#         resource "google_project_iam_binding" "sql" {
#           project = "corp-prod"
#           role    = "roles/cloudsql.admin"
#           members = ["user:bob@example.com"]
#         }
#     pass:
#       - |
#         resource "google_project_iam_binding" "sql" {
#           project = "corp-prod"
#           role    = "roles/cloudsql.admin"
#           members = ["group:dba@example.com"]
#         }
package rampart.gcp.iam_role_granted_to_user

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some g in gcp.iam_grants({"google_project_iam", "google_folder_iam", "google_organization_iam"})
	cc.starts(g.member, "user:")
	result := {"msg": sprintf("%s grants %s directly to %s", [g.resource.address, g.role, g.member]), "resource": g.resource.address, "attribute": g.attribute}
}
