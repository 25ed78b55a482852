# METADATA
# title: "Public Cloud DNS zone has DNSSEC off"
# description: "A public google_dns_managed_zone has no dnssec_config with state \"on\"."
# custom:
#   id: gcp-dns-dnssec-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [350]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without DNSSEC, resolvers cannot detect forged answers for the zone (cache poisoning, hijacking)."
#   remediation: "Add dnssec_config { state = \"on\" } and publish the DS record at the registrar."
#   references: ["https://cloud.google.com/dns/docs/dnssec-config"]
#   aliases:
#     checkov: [CKV_GCP_16]
#     trivy: [AVD-GCP-0013]
#     tfsec: [google-dns-enable-dnssec]
#   examples:
#     fail:
#       - |
#         resource "google_dns_managed_zone" "public" {
#           name     = "corp"
#           dns_name = "corp.example."
#         }
#     pass:
#       - |
#         resource "google_dns_managed_zone" "public" {
#           name     = "corp"
#           dns_name = "corp.example."
#           dnssec_config {
#             state = "on"
#           }
#         }
#       - |
#         resource "google_dns_managed_zone" "internal" {
#           name       = "internal"
#           dns_name   = "corp.internal."
#           visibility = "private"
#         }
package rampart.gcp.dns_dnssec_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_dns_managed_zone"})
	cc.oget(r.values, "visibility", "public") == "public"
	cc.differs(cc.get(r.values, ["dnssec_config", 0, "state"]), "on", true)
	result := {"msg": sprintf("%s does not sign the zone with DNSSEC", [r.address]), "resource": r.address, "attribute": "dnssec_config"}
}
