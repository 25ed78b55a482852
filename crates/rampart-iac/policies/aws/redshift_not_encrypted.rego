# METADATA
# title: "Redshift cluster is not encrypted"
# description: "encrypted is not true on the cluster."
# custom:
#   id: aws-redshift-not-encrypted
#   severity: high
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "An unencrypted warehouse exposes all of its data in snapshots and on disk."
#   remediation: "Set encrypted = true and kms_key_id to a customer managed key."
#   references: ["https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html"]
#   aliases:
#     checkov: [CKV_AWS_64]
#   examples:
#     fail:
#       - |
#         resource "aws_redshift_cluster" "dw" {
#           cluster_identifier = "dw"
#           node_type          = "ra3.xlplus"
#           master_username    = "admin"
#           manage_master_password = true
#           encrypted = false
#         }
#     pass:
#       - |
#         resource "aws_redshift_cluster" "dw" {
#           cluster_identifier = "dw"
#           node_type          = "ra3.xlplus"
#           master_username    = "admin"
#           manage_master_password = true
#           encrypted  = true
#           kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#         }
package rampart.aws.redshift_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_redshift_cluster"})
	v := cc.get(r.values, ["encrypted"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s is not encrypted at rest", [r.address]), "resource": r.address, "attribute": "encrypted"}
}
