# METADATA
# title: "Vertex AI Workbench instance has a public IP address"
# description: "A google_workbench_instance does not set gce_setup.disable_public_ip = true, or a legacy google_notebooks_instance does not set no_public_ip = true."
# custom:
#   id: gcp-vertex-workbench-public-ip
#   severity: high
#   kinds: [terraform]
#   cwe: [284, 200]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Notebook VMs hold data-scientist credentials, datasets and models; a public IP exposes them and allows unrestricted egress for exfiltration."
#   remediation: "Set disable_public_ip = true (no_public_ip for legacy notebooks), attach a private subnet and use Cloud NAT / Private Google Access."
#   references: ["https://cloud.google.com/vertex-ai/docs/workbench/instances/create"]
#   aliases:
#     checkov: [CKV2_GCP_28, CKV_GCP_89]
#   examples:
#     fail:
#       - |
#         resource "google_workbench_instance" "research" {
#           name     = "research"
#           location = "europe-west4-a"
#           gce_setup {
#             machine_type = "n1-standard-8"
#             boot_disk {
#               disk_encryption = "CMEK"
#               kms_key         = "projects/corp-prod/locations/europe-west4/keyRings/ml/cryptoKeys/vertex"
#             }
#           }
#         }
#       - |
#         resource "google_notebooks_instance" "legacy" {
#           name         = "legacy"
#           location     = "europe-west4-a"
#           machine_type = "n1-standard-4"
#           vm_image {
#             project      = "deeplearning-platform-release"
#             image_family = "tf-latest-cpu"
#           }
#         }
#     pass:
#       - |
#         resource "google_workbench_instance" "research" {
#           name     = "research"
#           location = "europe-west4-a"
#           gce_setup {
#             machine_type = "n1-standard-8"
#             disable_public_ip = true
#             network_interfaces {
#               network = "projects/corp-prod/global/networks/ml"
#               subnet  = "projects/corp-prod/regions/europe-west4/subnetworks/ml"
#             }
#             boot_disk {
#               disk_encryption = "CMEK"
#               kms_key         = "projects/corp-prod/locations/europe-west4/keyRings/ml/cryptoKeys/vertex"
#             }
#             data_disks {
#               disk_encryption = "CMEK"
#               kms_key         = "projects/corp-prod/locations/europe-west4/keyRings/ml/cryptoKeys/vertex"
#             }
#             shielded_instance_config {
#               enable_secure_boot = true
#             }
#           }
#         }
package rampart.gcp.vertex_workbench_public_ip

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_workbench_instance"})
	some i, g in cc.arr(cc.oget(r.values, "gce_setup", []))
	not cc.is_or_unknown(cc.oget(g, "disable_public_ip", false), true)
	result := {"msg": sprintf("%s has a public IP address", [r.address]), "resource": r.address, "attribute": sprintf("gce_setup.%d.disable_public_ip", [i])}
}

deny contains result if {
	some r in cc.resources({"google_notebooks_instance"})
	cc.differs(cc.get(r.values, ["no_public_ip"]), true, true)
	result := {"msg": sprintf("%s has a public IP address", [r.address]), "resource": r.address, "attribute": "no_public_ip"}
}
