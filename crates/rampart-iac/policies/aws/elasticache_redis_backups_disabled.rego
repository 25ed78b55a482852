# METADATA
# title: "ElastiCache Redis cluster has no automatic backups"
# description: "snapshot_retention_limit is 0 or unset on a Redis aws_elasticache_cluster."
# custom:
#   id: aws-elasticache-redis-backups-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [693]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.3.1"]
#   rationale: "Without snapshots a failed node or a FLUSHALL loses all cached state for good."
#   remediation: "Set snapshot_retention_limit to 1 or more days."
#   references: ["https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/backups-automatic.html"]
#   aliases:
#     checkov: [CKV_AWS_134]
#     trivy: [AVD-AWS-0050]
#     tfsec: [aws-elasticache-enable-backup-retention]
#   examples:
#     fail:
#       - |
#         resource "aws_elasticache_cluster" "redis" {
#           cluster_id      = "cache"
#           engine          = "redis"
#           node_type       = "cache.t3.micro"
#           num_cache_nodes = 1
#         }
#     pass:
#       - |
#         resource "aws_elasticache_cluster" "redis" {
#           cluster_id               = "cache"
#           engine                   = "redis"
#           node_type                = "cache.t3.micro"
#           num_cache_nodes          = 1
#           snapshot_retention_limit = 5
#         }
#       - |
#         resource "aws_elasticache_cluster" "memcached" {
#           cluster_id      = "cache"
#           engine          = "memcached"
#           node_type       = "cache.t3.micro"
#           num_cache_nodes = 1
#         }
package rampart.aws.elasticache_redis_backups_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_elasticache_cluster"})
	cc.oget(r.values, "engine", "") == "redis"
	v := cc.oget(r.values, "snapshot_retention_limit", 0)
	not cc.unknown(v)
	cc.num(v) < 1
	result := {"msg": sprintf("%s keeps no automatic snapshots", [r.address]), "resource": r.address, "attribute": "snapshot_retention_limit"}
}
