# METADATA
# title: "Service account holds an owner, editor or admin role"
# description: "A project, folder or organization grant gives a serviceAccount: member roles/owner, roles/editor or a role ending in \"admin\"."
# custom:
#   id: gcp-iam-service-account-admin-role
#   severity: high
#   kinds: [terraform]
#   cwe: [269, 250]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Workloads rarely need administrative roles; a compromised workload with one controls the project."
#   remediation: "Grant the service account only the predefined roles its workload uses."
#   references: ["https://cloud.google.com/iam/docs/best-practices-service-accounts"]
#   aliases:
#     checkov: [CKV_GCP_42]
#     trivy: [AVD-GCP-0007]
#     tfsec: [google-iam-no-privileged-service-accounts]
#   examples:
#     fail:
#       - |
#         resource "google_project_iam_member" "app" {
#           project = "corp-prod"
#           role    = "roles/owner"
#           member  = "serviceAccount:app@corp-prod.iam.gserviceaccount.com"
#         }
#     pass:
#       - |
#         resource "google_project_iam_member" "app" {
#           project = "corp-prod"
#           role    = "roles/pubsub.publisher"
#           member  = "serviceAccount:app@corp-prod.iam.gserviceaccount.com"
#         }
package rampart.gcp.iam_service_account_admin_role

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some g in gcp.iam_grants({"google_project_iam", "google_folder_iam", "google_organization_iam"})
	cc.starts(g.member, "serviceAccount:")
	admin_role(g.role)
	result := {"msg": sprintf("%s grants %s to %s", [g.resource.address, g.role, g.member]), "resource": g.resource.address, "attribute": "role"}
}

admin_role(r) if r in {"roles/owner", "roles/editor"}

admin_role(r) if cc.ends(cc.lower_s(r), "admin")
