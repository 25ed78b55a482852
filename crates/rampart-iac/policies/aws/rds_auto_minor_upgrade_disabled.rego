# METADATA
# title: "RDS automatic minor version upgrades are disabled"
# description: "The instance sets auto_minor_version_upgrade = false, so engine security patches are not applied."
# custom:
#   id: aws-rds-auto-minor-upgrade-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [1104]
#   owasp: ["A06:2021"]
#   owasp_llm: []
#   ssdf: ["RV.2.2"]
#   rationale: "Minor versions carry security fixes; turning automatic upgrades off leaves known vulnerabilities in place."
#   remediation: "Leave auto_minor_version_upgrade = true (the default) and set a maintenance window."
#   references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades"]
#   aliases:
#     checkov: [CKV_AWS_226]
#   examples:
#     fail:
#       - |
#         resource "aws_db_instance" "db" {
#           identifier     = "orders"
#           engine         = "postgres"
#           instance_class = "db.t3.micro"
#           auto_minor_version_upgrade = false
#         }
#     pass:
#       - |
#         resource "aws_db_instance" "db" {
#           identifier     = "orders"
#           engine         = "postgres"
#           instance_class = "db.t3.micro"
#           auto_minor_version_upgrade = true
#         }
package rampart.aws.rds_auto_minor_upgrade_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_db_instance", "aws_rds_cluster_instance"})
	v := cc.get(r.values, ["auto_minor_version_upgrade"])
	cc.differs(v, true, false)
	result := {"msg": sprintf("%s turns off automatic minor version upgrades", [r.address]), "resource": r.address, "attribute": "auto_minor_version_upgrade"}
}
