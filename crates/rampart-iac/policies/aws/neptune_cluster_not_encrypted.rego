# METADATA
# title: "Neptune cluster storage is not encrypted"
# description: "An aws_neptune_cluster does not set storage_encrypted = true."
# custom:
#   id: aws-neptune-cluster-not-encrypted
#   severity: high
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Graph databases (often knowledge graphs behind RAG systems) hold relationships between sensitive entities."
#   remediation: "Set storage_encrypted = true with a kms_key_arn."
#   references: ["https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html"]
#   aliases:
#     checkov: [CKV_AWS_44]
#     trivy: [AVD-AWS-0076]
#     tfsec: [aws-neptune-enable-storage-encryption]
#   examples:
#     fail:
#       - |
#         resource "aws_neptune_cluster" "graph" {
#           cluster_identifier = "graph"
#           engine             = "neptune"
#         }
#     pass:
#       - |
#         resource "aws_neptune_cluster" "graph" {
#           cluster_identifier = "graph"
#           engine             = "neptune"
#           storage_encrypted  = true
#         }
package rampart.aws.neptune_cluster_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_neptune_cluster"})
	v := cc.get(r.values, ["storage_encrypted"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not encrypt its storage", [r.address]), "resource": r.address, "attribute": "storage_encrypted"}
}
