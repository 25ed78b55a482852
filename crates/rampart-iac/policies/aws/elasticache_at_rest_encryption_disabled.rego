# METADATA
# title: "ElastiCache replication group is not encrypted at rest"
# description: "at_rest_encryption_enabled is not true on the replication group."
# custom:
#   id: aws-elasticache-at-rest-encryption-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Cached sessions, tokens and query results end up in backups and swap on disk in clear."
#   remediation: "Set at_rest_encryption_enabled = true (with kms_key_id for a customer managed key)."
#   references: ["https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/at-rest-encryption.html"]
#   aliases:
#     checkov: [CKV_AWS_29]
#     trivy: [AVD-AWS-0045]
#     tfsec: [aws-elasticache-enable-at-rest-encryption]
#   examples:
#     fail:
#       - |
#         resource "aws_elasticache_replication_group" "redis" {
#           replication_group_id = "sessions"
#           description          = "sessions"
#           engine               = "redis"
#           node_type            = "cache.t3.micro"
#           at_rest_encryption_enabled = false
#         }
#     pass:
#       - |
#         resource "aws_elasticache_replication_group" "redis" {
#           replication_group_id = "sessions"
#           description          = "sessions"
#           engine               = "redis"
#           node_type            = "cache.t3.micro"
#           at_rest_encryption_enabled = true
#         }
package rampart.aws.elasticache_at_rest_encryption_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_elasticache_replication_group"})
	v := cc.get(r.values, ["at_rest_encryption_enabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not encrypt data at rest", [r.address]), "resource": r.address, "attribute": "at_rest_encryption_enabled"}
}
