# METADATA
# title: "ElastiCache replication group does not use TLS"
# description: "transit_encryption_enabled is not true, so clients talk to Redis/Valkey in clear text."
# custom:
#   id: aws-elasticache-in-transit-encryption-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without TLS, cached data and AUTH tokens can be sniffed on the network."
#   remediation: "Set transit_encryption_enabled = true and connect with TLS."
#   references: ["https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/in-transit-encryption.html"]
#   aliases:
#     checkov: [CKV_AWS_30]
#     trivy: [AVD-AWS-0051]
#     tfsec: [aws-elasticache-enable-in-transit-encryption]
#   examples:
#     fail:
#       - |
#         resource "aws_elasticache_replication_group" "redis" {
#           replication_group_id = "sessions"
#           description          = "sessions"
#           engine               = "redis"
#           node_type            = "cache.t3.micro"
#           transit_encryption_enabled = false
#         }
#     pass:
#       - |
#         resource "aws_elasticache_replication_group" "redis" {
#           replication_group_id = "sessions"
#           description          = "sessions"
#           engine               = "redis"
#           node_type            = "cache.t3.micro"
#           transit_encryption_enabled = true
#         }
package rampart.aws.elasticache_in_transit_encryption_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_elasticache_replication_group"})
	v := cc.get(r.values, ["transit_encryption_enabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not encrypt traffic in transit", [r.address]), "resource": r.address, "attribute": "transit_encryption_enabled"}
}
