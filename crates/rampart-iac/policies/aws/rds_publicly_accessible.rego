# METADATA
# title: "RDS instance is publicly accessible"
# description: "The database instance sets publicly_accessible = true, giving it a public IP address and DNS name."
# custom:
#   id: aws-rds-publicly-accessible
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A public endpoint leaves only the password between the internet and the data."
#   remediation: "Set publicly_accessible = false and reach the database from inside the VPC (or through a bastion/VPN)."
#   references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding"]
#   aliases:
#     checkov: [CKV_AWS_17]
#     trivy: [AVD-AWS-0180]
#     tfsec: [aws-rds-enable-public-access]
#   examples:
#     fail:
#       - |
#         resource "aws_db_instance" "db" {
#           identifier     = "orders"
#           engine         = "postgres"
#           instance_class = "db.t3.micro"
#           publicly_accessible = true
#         }
#     pass:
#       - |
#         resource "aws_db_instance" "db" {
#           identifier     = "orders"
#           engine         = "postgres"
#           instance_class = "db.t3.micro"
#           publicly_accessible = false
#         }
package rampart.aws.rds_publicly_accessible

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_db_instance", "aws_rds_cluster_instance"})
	v := cc.get(r.values, ["publicly_accessible"])
	cc.differs(v, false, false)
	result := {"msg": sprintf("%s is publicly accessible", [r.address]), "resource": r.address, "attribute": "publicly_accessible"}
}
