# METADATA
# title: "User-managed service account key created"
# description: "A google_service_account_key creates a long-lived key for a service account."
# custom:
#   id: gcp-iam-service-account-key
#   severity: medium
#   kinds: [terraform]
#   cwe: [798, 522]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Exported service account keys are long-lived bearer credentials that end up in repositories, CI variables and laptops."
#   remediation: "Use workload identity federation, attached service accounts or impersonation instead of keys; block key creation with the iam.disableServiceAccountKeyCreation org policy."
#   references: ["https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys"]
#   aliases:
#     checkov: [CKV2_GCP_3]
#   examples:
#     fail:
#       - |
#         resource "google_service_account_key" "ci" {
#           service_account_id = "projects/corp-prod/serviceAccounts/ci@corp-prod.iam.gserviceaccount.com"
#         }
#     pass:
#       - |
#         resource "google_service_account" "ci" {
#           account_id   = "ci"
#           display_name = "CI (federated from GitHub via workload identity)"
#         }
package rampart.gcp.iam_service_account_key

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_service_account_key"})
	result := {"msg": sprintf("%s creates a user-managed service account key", [r.address]), "resource": r.address}
}
