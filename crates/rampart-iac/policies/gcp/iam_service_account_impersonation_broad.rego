# METADATA
# title: "Service Account User or Token Creator granted at project level or above"
# description: "roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator is granted on a project, folder or organization."
# custom:
#   id: gcp-iam-service-account-impersonation-broad
#   severity: high
#   kinds: [terraform]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "At project level these roles let the member act as every service account in the project, including privileged ones."
#   remediation: "Grant them on the individual service account (google_service_account_iam_member) that the member needs."
#   references: ["https://cloud.google.com/iam/docs/service-account-permissions"]
#   aliases:
#     checkov: [CKV_GCP_41, CKV_GCP_49, CKV_GCP_44, CKV_GCP_45]
#     trivy: [AVD-GCP-0011, AVD-GCP-0005, AVD-GCP-0009]
#   examples:
#     fail:
#       - |
#         resource "google_project_iam_member" "deployer" {
#           project = "corp-prod"
#           role    = "roles/iam.serviceAccountUser"
#           member  = "group:deployers@example.com"
#         }
#     pass:
#       - |
#         resource "google_service_account_iam_member" "deployer" {
#           service_account_id = "projects/corp-prod/serviceAccounts/runtime@corp-prod.iam.gserviceaccount.com"
#           role               = "roles/iam.serviceAccountUser"
#           member             = "group:deployers@example.com"
#         }
package rampart.gcp.iam_service_account_impersonation_broad

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some g in gcp.iam_grants({"google_project_iam", "google_folder_iam", "google_organization_iam"})
	g.role in {"roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"}
	result := {"msg": sprintf("%s grants %s to %s at project level or above", [g.resource.address, g.role, g.member]), "resource": g.resource.address, "attribute": "role"}
}
