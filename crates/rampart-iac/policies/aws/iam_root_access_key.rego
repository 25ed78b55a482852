# METADATA
# title: "Access key created for the root user"
# description: "An aws_iam_access_key is created for the user \"root\"."
# custom:
#   id: aws-iam-root-access-key
#   severity: critical
#   kinds: [terraform]
#   cwe: [250, 798]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Root access keys cannot be restricted by IAM policies; anyone holding them owns the account."
#   remediation: "Delete root access keys; use IAM roles or IAM Identity Center for programmatic access."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html"]
#   aliases:
#     checkov: [CKV_AWS_348]
#     trivy: [AVD-AWS-0141]
#     tfsec: [aws-iam-no-root-access-keys]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_access_key" "root" {
#           user = "root"
#         }
#     pass:
#       - |
#         resource "aws_iam_access_key" "ci" {
#           user = "ci-deployer"
#         }
package rampart.aws.iam_root_access_key

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_iam_access_key"})
	cc.lower_s(sprintf("%v", [cc.oget(r.values, "user", "")])) == "root"
	result := {"msg": sprintf("%s creates an access key for the root user", [r.address]), "resource": r.address, "attribute": "user"}
}
