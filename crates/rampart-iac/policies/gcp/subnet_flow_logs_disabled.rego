# METADATA
# title: "VPC subnetwork has no flow logs"
# description: "A google_compute_subnetwork has no log_config block (proxy-only and Private Service Connect subnets are exempt)."
# custom:
#   id: gcp-subnet-flow-logs-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Flow logs are the record of which hosts talked to which during an incident."
#   remediation: "Add log_config { aggregation_interval, flow_sampling, metadata }."
#   references: ["https://cloud.google.com/vpc/docs/flow-logs"]
#   aliases:
#     checkov: [CKV_GCP_26]
#     trivy: [AVD-GCP-0029]
#     tfsec: [google-compute-enable-vpc-flow-logs]
#   examples:
#     fail:
#       - |
#         resource "google_compute_subnetwork" "app" {
#           name          = "app"
#           ip_cidr_range = "10.10.0.0/20"
#           region        = "europe-west1"
#           network       = "main"
#         }
#     pass:
#       - |
#         resource "google_compute_subnetwork" "app" {
#           name          = "app"
#           ip_cidr_range = "10.10.0.0/20"
#           region        = "europe-west1"
#           network       = "main"
#           log_config {
#             aggregation_interval = "INTERVAL_5_SEC"
#             flow_sampling        = 0.5
#             metadata             = "INCLUDE_ALL_METADATA"
#           }
#         }
#       - |
#         resource "google_compute_subnetwork" "proxy" {
#           name          = "proxy-only"
#           ip_cidr_range = "10.129.0.0/23"
#           region        = "europe-west1"
#           network       = "main"
#           purpose       = "REGIONAL_MANAGED_PROXY"
#           role          = "ACTIVE"
#         }
package rampart.gcp.subnet_flow_logs_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_compute_subnetwork"})
	not cc.oget(r.values, "purpose", "PRIVATE") in {"REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER", "PRIVATE_SERVICE_CONNECT"}
	not cc.unknown(cc.oget(r.values, "purpose", "PRIVATE"))
	cc.blank(cc.get(r.values, ["log_config"]))
	result := {"msg": sprintf("%s has no flow logs", [r.address]), "resource": r.address, "attribute": "log_config"}
}
