# METADATA
# title: "Redshift cluster is publicly accessible"
# description: "publicly_accessible is true (or left unset on providers where it defaults to true)."
# custom:
#   id: aws-redshift-publicly-accessible
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A public data warehouse endpoint exposes the whole warehouse to password guessing."
#   remediation: "Set publicly_accessible = false."
#   references: ["https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html"]
#   aliases:
#     checkov: [CKV_AWS_87]
#   examples:
#     fail:
#       - |
#         resource "aws_redshift_cluster" "dw" {
#           cluster_identifier = "dw"
#           node_type          = "ra3.xlplus"
#           master_username    = "admin"
#           manage_master_password = true
#           publicly_accessible = true
#         }
#     pass:
#       - |
#         resource "aws_redshift_cluster" "dw" {
#           cluster_identifier = "dw"
#           node_type          = "ra3.xlplus"
#           master_username    = "admin"
#           manage_master_password = true
#           publicly_accessible = false
#         }
package rampart.aws.redshift_publicly_accessible

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_redshift_cluster"})
	v := cc.get(r.values, ["publicly_accessible"])
	cc.differs(v, false, false)
	result := {"msg": sprintf("%s is publicly accessible", [r.address]), "resource": r.address, "attribute": "publicly_accessible"}
}
