# METADATA
# title: "Memorystore for Redis does not encrypt traffic"
# description: "A google_redis_instance leaves transit_encryption_mode at DISABLED."
# custom:
#   id: gcp-memorystore-redis-no-transit-encryption
#   severity: medium
#   kinds: [terraform]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Cached data and the AUTH string travel in clear text inside the VPC."
#   remediation: "Set transit_encryption_mode = \"SERVER_AUTHENTICATION\"."
#   references: ["https://cloud.google.com/memorystore/docs/redis/about-in-transit-encryption"]
#   aliases:
#     checkov: [CKV_GCP_97]
#   examples:
#     fail:
#       - |
#         resource "google_redis_instance" "cache" {
#           name           = "sessions"
#           tier           = "STANDARD_HA"
#           memory_size_gb = 1
#           region         = "europe-west1"
#           auth_enabled = true
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
package rampart.gcp.memorystore_redis_no_transit_encryption

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_redis_instance"})
	v := cc.get(r.values, ["transit_encryption_mode"])
	cc.differs(v, "SERVER_AUTHENTICATION", true)
	result := {"msg": sprintf("%s does not encrypt traffic in transit", [r.address]), "resource": r.address, "attribute": "transit_encryption_mode"}
}
