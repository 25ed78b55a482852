# METADATA
# title: "DAX cluster is not encrypted at rest"
# description: "The DynamoDB Accelerator cluster has no server_side_encryption block with enabled = true (the default is off)."
# custom:
#   id: aws-dax-cluster-not-encrypted
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "DAX caches table items on its nodes; without encryption that copy of the data is in clear on disk."
#   remediation: "Add server_side_encryption { enabled = true } (set at creation)."
#   references: ["https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html"]
#   aliases:
#     checkov: [CKV_AWS_47]
#     trivy: [AVD-AWS-0023]
#     tfsec: [aws-dynamodb-enable-at-rest-encryption]
#   examples:
#     fail:
#       - |
#         resource "aws_dax_cluster" "cache" {
#           cluster_name       = "cache"
#           iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
#           node_type          = "dax.r4.large"
#           replication_factor = 1
#         }
#     pass:
#       - |
#         resource "aws_dax_cluster" "cache" {
#           cluster_name       = "cache"
#           iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
#           node_type          = "dax.r4.large"
#           replication_factor = 1
#           server_side_encryption {
#             enabled = true
#           }
#         }
package rampart.aws.dax_cluster_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_dax_cluster"})
	v := cc.get(r.values, ["server_side_encryption", 0, "enabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not encrypt cached data at rest", [r.address]), "resource": r.address, "attribute": "server_side_encryption.0.enabled"}
}
