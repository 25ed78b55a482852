# METADATA
# title: "DMS replication instance is publicly accessible"
# description: "An aws_dms_replication_instance sets publicly_accessible = true."
# custom:
#   id: aws-dms-replication-instance-public
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Replication instances hold credentials for source and target databases and stream their data."
#   remediation: "Set publicly_accessible = false."
#   references: ["https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html"]
#   aliases:
#     checkov: [CKV_AWS_89]
#   examples:
#     fail:
#       - |
#         resource "aws_dms_replication_instance" "migrate" {
#           replication_instance_id    = "migrate"
#           replication_instance_class = "dms.t3.medium"
#           publicly_accessible        = true
#         }
#     pass:
#       - |
#         resource "aws_dms_replication_instance" "migrate" {
#           replication_instance_id    = "migrate"
#           replication_instance_class = "dms.t3.medium"
#           publicly_accessible        = false
#         }
package rampart.aws.dms_replication_instance_public

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_dms_replication_instance"})
	v := cc.get(r.values, ["publicly_accessible"])
	cc.differs(v, false, false)
	result := {"msg": sprintf("%s is publicly accessible", [r.address]), "resource": r.address, "attribute": "publicly_accessible"}
}
