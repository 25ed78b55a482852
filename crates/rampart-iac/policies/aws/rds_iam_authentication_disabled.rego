# METADATA
# title: "RDS IAM database authentication is disabled"
# description: "A MySQL, MariaDB, PostgreSQL or Aurora database does not enable iam_database_authentication_enabled."
# custom:
#   id: aws-rds-iam-authentication-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [287, 798]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "IAM authentication replaces long-lived database passwords with short-lived tokens tied to IAM identities."
#   remediation: "Set iam_database_authentication_enabled = true and grant rds-db:connect to the roles that need it."
#   references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html"]
#   aliases:
#     checkov: [CKV_AWS_161, CKV_AWS_162]
#     trivy: [AVD-AWS-0176]
#     tfsec: [aws-rds-enable-iam-auth]
#   examples:
#     fail:
#       - |
#         resource "aws_db_instance" "db" {
#           identifier     = "orders"
#           engine         = "postgres"
#           instance_class = "db.t3.micro"
#           iam_database_authentication_enabled = false
#         }
#     pass:
#       - |
#         resource "aws_db_instance" "db" {
#           identifier     = "orders"
#           engine         = "postgres"
#           instance_class = "db.t3.micro"
#           iam_database_authentication_enabled = true
#         }
#       - |
#         resource "aws_db_instance" "legacy" {
#           identifier     = "erp"
#           engine         = "oracle-ee"
#           instance_class = "db.m5.large"
#         }
package rampart.aws.rds_iam_authentication_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_db_instance", "aws_rds_cluster"})
	engine := cc.lower_s(sprintf("%v", [cc.oget(r.values, "engine", "")]))
	some e in ["mysql", "mariadb", "postgres", "aurora"]
	cc.starts(engine, e)
	cc.differs(cc.get(r.values, ["iam_database_authentication_enabled"]), true, true)
	result := {"msg": sprintf("%s does not enable IAM database authentication", [r.address]), "resource": r.address, "attribute": "iam_database_authentication_enabled"}
}
