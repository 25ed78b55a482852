# METADATA
# title: "Cloud Function or Cloud Run service is invokable by allUsers"
# description: "An IAM member/binding on a Cloud Function or Cloud Run service grants the invoker role to allUsers or allAuthenticatedUsers."
# custom:
#   id: gcp-cloudfunctions-public-invoker
#   severity: high
#   kinds: [terraform]
#   cwe: [306, 284]
#   owasp: ["A01:2021", "A07:2021"]
#   owasp_llm: ["LLM10:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "A public invoker binding lets anyone on the internet call the function, with its data access and at your cost."
#   remediation: "Grant roles/cloudfunctions.invoker or roles/run.invoker to specific service accounts; put public APIs behind API Gateway or IAP with authentication."
#   references: ["https://cloud.google.com/functions/docs/securing/managing-access-iam"]
#   aliases:
#     checkov: [CKV_GCP_107, CKV_GCP_102]
#   examples:
#     fail:
#       - |
#         resource "google_cloudfunctions_function_iam_member" "public" {
#           cloud_function = "api"
#           role           = "roles/cloudfunctions.invoker"
#           member         = "allUsers"
#         }
#       - |
#         resource "google_cloud_run_v2_service_iam_binding" "public" {
#           name    = "llm-gateway"
#           role    = "roles/run.invoker"
#           members = ["allUsers"]
#         }
#     pass:
#       - |
#         resource "google_cloudfunctions_function_iam_member" "scheduler" {
#           cloud_function = "api"
#           role           = "roles/cloudfunctions.invoker"
#           member         = "serviceAccount:scheduler@corp-prod.iam.gserviceaccount.com"
#         }
package rampart.gcp.cloudfunctions_public_invoker

import data.rampart.lib.cloud_common as cc
import data.rampart.lib.cloud_gcp as gcp
import rego.v1

deny contains result if {
	some g in gcp.iam_grants({"google_cloudfunctions_function_iam", "google_cloudfunctions2_function_iam", "google_cloud_run_service_iam", "google_cloud_run_v2_service_iam"})
	g.member in gcp.public_members
	result := {"msg": sprintf("%s lets %s invoke the service (%s)", [g.resource.address, g.member, g.role]), "resource": g.resource.address, "attribute": g.attribute}
}
