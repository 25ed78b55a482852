# METADATA
# title: "Project audit config does not log all data access or exempts members"
# description: "A google_project_iam_audit_config for allServices misses one of ADMIN_READ, DATA_READ, DATA_WRITE, or lists exempted_members."
# custom:
#   id: gcp-audit-logging-incomplete
#   severity: medium
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Data Access audit logs are off by default; without them reads of sensitive data leave no trace, and exempted members are never audited."
#   remediation: "Configure allServices with audit_log_config for ADMIN_READ, DATA_READ and DATA_WRITE, without exempted_members."
#   references: ["https://cloud.google.com/logging/docs/audit/configure-data-access"]
#   aliases:
#     checkov: [CKV2_GCP_5]
#     trivy: [AVD-GCP-0079]
#   examples:
#     fail:
#       - |
#         resource "google_project_iam_audit_config" "all" {
#           project = "corp-prod"
#           service = "allServices"
#           audit_log_config {
#             log_type = "ADMIN_READ"
#           }
#           audit_log_config {
#             log_type         = "DATA_READ"
#             exempted_members = ["user:ops@example.com"]
#           }
#         }
#     pass:
#       - |
#         resource "google_project_iam_audit_config" "all" {
#           project = "corp-prod"
#           service = "allServices"
#           audit_log_config {
#             log_type = "ADMIN_READ"
#           }
#           audit_log_config {
#             log_type = "DATA_READ"
#           }
#           audit_log_config {
#             log_type = "DATA_WRITE"
#           }
#         }
package rampart.gcp.audit_logging_incomplete

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_project_iam_audit_config", "google_folder_iam_audit_config", "google_organization_iam_audit_config"})
	cc.oget(r.values, "service", "") == "allServices"
	types := {cc.oget(c, "log_type", "") | some c in cc.arr(cc.oget(r.values, "audit_log_config", []))}
	every t in types {
		not cc.unknown(t)
	}
	some t in ["ADMIN_READ", "DATA_READ", "DATA_WRITE"]
	not t in types
	result := {"msg": sprintf("%s does not log %s", [r.address, t]), "resource": r.address, "attribute": "audit_log_config"}
}

deny contains result if {
	some r in cc.resources({"google_project_iam_audit_config", "google_folder_iam_audit_config", "google_organization_iam_audit_config"})
	some i, c in cc.arr(cc.oget(r.values, "audit_log_config", []))
	cc.size(cc.arr(cc.oget(c, "exempted_members", []))) > 0
	result := {"msg": sprintf("%s exempts members from %v audit logs", [r.address, cc.oget(c, "log_type", "?")]), "resource": r.address, "attribute": sprintf("audit_log_config.%d.exempted_members", [i])}
}
