# METADATA
# title: "Memorystore for Redis has AUTH disabled"
# description: "A google_redis_instance does not set auth_enabled = true."
# custom:
#   id: gcp-memorystore-redis-no-auth
#   severity: high
#   kinds: [terraform]
#   cwe: [306]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without AUTH any client that reaches the instance's network can read and write every key."
#   remediation: "Set auth_enabled = true and fetch the AUTH string from Secret Manager."
#   references: ["https://cloud.google.com/memorystore/docs/redis/about-redis-auth"]
#   aliases:
#     checkov: [CKV_GCP_95]
#   examples:
#     fail:
#       - |
#         resource "google_redis_instance" "cache" {
#           name           = "sessions"
#           tier           = "STANDARD_HA"
#           memory_size_gb = 1
#           region         = "europe-west1"
#         }
#     pass:
#       - |
#         resource "google_redis_instance" "cache" {
#           name           = "sessions"
#           tier           = "STANDARD_HA"
#           memory_size_gb = 1
#           region         = "europe-west1"
#           auth_enabled = true
#           transit_encryption_mode = "SERVER_AUTHENTICATION"
#         }
package rampart.gcp.memorystore_redis_no_auth

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_redis_instance"})
	v := cc.get(r.values, ["auth_enabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not require AUTH", [r.address]), "resource": r.address, "attribute": "auth_enabled"}
}
