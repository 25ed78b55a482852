# METADATA
# title: "Vertex AI Workbench disks are not encrypted with a customer-managed key"
# description: "A workbench instance's boot or data disk does not use disk_encryption = \"CMEK\" with a kms_key (or a legacy notebook has no kms_key / disk_encryption CMEK)."
# custom:
#   id: gcp-vertex-workbench-no-cmek
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Notebook disks accumulate training data, model checkpoints and credentials."
#   remediation: "Set disk_encryption = \"CMEK\" and kms_key on boot_disk and data_disks."
#   references: ["https://cloud.google.com/vertex-ai/docs/workbench/instances/cmek"]
#   aliases:
#     checkov: [CKV2_GCP_27, CKV2_GCP_21]
#   examples:
#     fail:
#       - |
#         resource "google_workbench_instance" "research" {
#           name     = "research"
#           location = "europe-west4-a"
#           gce_setup {
#             machine_type = "n1-standard-8"
#             disable_public_ip = true
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
package rampart.gcp.vertex_workbench_no_cmek

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"google_workbench_instance"})
	some i, g in cc.arr(cc.oget(r.values, "gce_setup", []))
	some d in ["boot_disk", "data_disks"]
	disk := cc.oget(g, [d, 0], {})
	not cmek(disk)
	result := {"msg": sprintf("%s does not encrypt its %s with a customer-managed key", [r.address, d]), "resource": r.address, "attribute": sprintf("gce_setup.%d.%s", [i, d])}
}

deny contains result if {
	some r in cc.resources({"google_notebooks_instance"})
	cc.blank(cc.get(r.values, ["kms_key"]))
	result := {"msg": sprintf("%s does not encrypt its disks with a customer-managed key", [r.address]), "resource": r.address, "attribute": "kms_key"}
}

cmek(disk) if {
	cc.oget(disk, "disk_encryption", "") == "CMEK"
	not cc.blank(cc.oget(disk, "kms_key", null))
}
