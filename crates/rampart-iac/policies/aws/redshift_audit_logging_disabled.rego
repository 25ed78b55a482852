# METADATA
# title: "Redshift cluster audit logging is disabled"
# description: "Neither an inline logging block with enable = true nor an aws_redshift_logging resource turns on audit logging."
# custom:
#   id: aws-redshift-audit-logging-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Audit logs record connections and queries; without them data theft goes unseen."
#   remediation: "Add an aws_redshift_logging resource (to S3 or CloudWatch)."
#   references: ["https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html"]
#   aliases:
#     checkov: [CKV_AWS_71]
#   examples:
#     fail:
#       - |
#         resource "aws_redshift_cluster" "dw" {
#           cluster_identifier = "dw"
#           node_type          = "ra3.xlplus"
#           master_username    = "admin"
#           manage_master_password = true
#           encrypted = true
#         }
#     pass:
#       - |
#         resource "aws_redshift_cluster" "dw" {
#           cluster_identifier = "dw"
#           node_type          = "ra3.xlplus"
#           master_username    = "admin"
#           manage_master_password = true
#           encrypted = true
#           logging {
#             enable        = true
#             bucket_name   = "corp-redshift-logs"
#           }
#         }
package rampart.aws.redshift_audit_logging_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_redshift_cluster"})
	not cc.is_or_unknown(cc.get(r.values, ["logging", 0, "enable"]), true)
	not separate(r)
	result := {"msg": sprintf("%s has no audit logging", [r.address]), "resource": r.address, "attribute": "logging"}
}

separate(r) if {
	some l in cc.resources({"aws_redshift_logging"})
	r.address in l.references
}
