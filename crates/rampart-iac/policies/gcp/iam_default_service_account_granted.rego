# METADATA
# title: "Role granted to a default service account"
# description: "A project, folder or organization IAM grant names the default Compute Engine or App Engine service account."
# custom:
#   id: gcp-iam-default-service-account-granted
#   severity: medium
#   kinds: [terraform]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Default service accounts are attached to many resources automatically; giving them roles hands those permissions to every such workload."
#   remediation: "Create dedicated service accounts per workload and grant roles to those."
#   references: ["https://cloud.google.com/iam/docs/service-account-types#default"]
#   aliases:
#     checkov: [CKV_GCP_46, CKV_GCP_47, CKV_GCP_48]
#     trivy: [AVD-GCP-0006, AVD-GCP-0004, AVD-GCP-0008]
#   examples:
#     fail:
#       - |
#         resource "google_project_iam_member" "compute" {
#           project = "corp-prod"
#           role    = "roles/storage.admin"
#           member  = "serviceAccount:123456789012-compute@developer.gserviceaccount.com"
#         }
#     pass:
#       - |
#         resource "google_project_iam_member" "app" {
#           project = "corp-prod"
#           role    = "roles/storage.objectViewer"
#           member  = "serviceAccount:app@corp-prod.iam.gserviceaccount.com"
#         }
package rampart.gcp.iam_default_service_account_granted

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some g in gcp.iam_grants({"google_project_iam", "google_folder_iam", "google_organization_iam"})
	gcp.default_sa(g.member)
	result := {"msg": sprintf("%s grants %s to a default service account", [g.resource.address, g.role]), "resource": g.resource.address, "attribute": g.attribute}
}
