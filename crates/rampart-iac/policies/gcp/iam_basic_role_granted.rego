# METADATA
# title: "Basic role (Owner/Editor/Viewer) granted at project, folder or organization level"
# description: "A project, folder or organization IAM member/binding grants roles/owner, roles/editor or roles/viewer."
# custom:
#   id: gcp-iam-basic-role-granted
#   severity: high
#   kinds: [terraform]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Basic roles carry thousands of permissions across every service; Editor alone can read most data and change most resources."
#   remediation: "Grant predefined or custom roles scoped to what each principal does."
#   references: ["https://cloud.google.com/iam/docs/understanding-roles#basic"]
#   aliases:
#     checkov: [CKV_GCP_117, CKV_GCP_116, CKV_GCP_115]
#   examples:
#     fail:
#       - |
#         resource "google_project_iam_member" "dev" {
#           project = "corp-prod"
#           role    = "roles/editor"
#           member  = "user:alice@example.com"
#         }
#     pass:
#       - |
#         resource "google_project_iam_member" "dev" {
#           project = "corp-prod"
#           role    = "roles/cloudsql.client"
#           member  = "group:app-devs@example.com"
#         }
package rampart.gcp.iam_basic_role_granted

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some g in gcp.iam_grants({"google_project_iam", "google_folder_iam", "google_organization_iam"})
	g.role in {"roles/owner", "roles/editor", "roles/viewer"}
	result := {"msg": sprintf("%s grants the basic role %s to %s", [g.resource.address, g.role, g.member]), "resource": g.resource.address, "attribute": "role"}
}
