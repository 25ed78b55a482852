# METADATA
# title: "ElastiCache Redis has no authentication"
# description: "The Redis replication group sets neither an auth_token nor user_group_ids, so any client that reaches it can read and write."
# custom:
#   id: aws-elasticache-redis-no-auth
#   severity: high
#   kinds: [terraform]
#   cwe: [306]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Redis without AUTH is a common foothold: attackers read session data or write to it."
#   remediation: "Enable transit encryption and set auth_token (from a secret) or RBAC user_group_ids."
#   references: ["https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/auth.html"]
#   aliases:
#     checkov: [CKV_AWS_31]
#   examples:
#     fail:
#       - |
#         resource "aws_elasticache_replication_group" "redis" {
#           replication_group_id = "sessions"
#           description          = "sessions"
#           engine               = "redis"
#           node_type            = "cache.t3.micro"
#           transit_encryption_enabled = true
#         }
#     pass:
#       - |
#         resource "aws_elasticache_replication_group" "redis" {
#           replication_group_id = "sessions"
#           description          = "sessions"
#           engine               = "redis"
#           node_type            = "cache.t3.micro"
#           transit_encryption_enabled = true
#           user_group_ids             = ["app-users"]
#         }
package rampart.aws.elasticache_redis_no_auth

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_elasticache_replication_group"})
	cc.lower_s(sprintf("%v", [cc.oget(r.values, "engine", "redis")])) in {"redis", "valkey"}
	cc.blank(cc.get(r.values, ["auth_token"]))
	cc.blank(cc.get(r.values, ["user_group_ids"]))
	result := {"msg": sprintf("%s has neither an auth token nor RBAC user groups", [r.address]), "resource": r.address, "attribute": "auth_token"}
}
