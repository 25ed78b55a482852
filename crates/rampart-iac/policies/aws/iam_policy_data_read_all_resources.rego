# METADATA
# title: "IAM policy allows reading data from every resource"
# description: "An IAM policy allows, on Resource \"*\", actions that read stored data or secrets (s3:GetObject, secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt, dynamodb:GetItem/Query/Scan...)."
# custom:
#   id: aws-iam-policy-data-read-all-resources
#   severity: high
#   kinds: [terraform]
#   cwe: [200, 269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Read access to every bucket, secret or table means a compromised workload exfiltrates everything in the account, not just its own data."
#   remediation: "Scope data-read actions to the ARNs of the buckets, secrets, parameters, keys and tables the workload owns."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"]
#   aliases:
#     checkov: [CKV_AWS_108, CKV_AWS_288]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_role_policy" "worker" {
#           name = "worker"
#           role = "worker"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = ["secretsmanager:GetSecretValue"], Resource = "*" }]
#           })
#         }
#     pass:
#       - |
#         resource "aws_iam_role_policy" "worker" {
#           name = "worker"
#           role = "worker"
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = ["secretsmanager:GetSecretValue"], Resource = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:worker-*" }]
#           })
#         }
package rampart.aws.iam_policy_data_read_all_resources

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in aws.identity_resources
	some s in aws.allows(r)
	# statements naming a Principal belong to resource policies (key, bucket, trust policies)
	cc.size(s.principals) == 0
	some action in data_actions
	aws.grants(s, action)
	aws.any_resource(s)
	not s.conditioned
	result := {"msg": sprintf("%s allows reading stored data or secrets on every resource", [r.address]), "resource": r.address, "attribute": attr(r)}
}

attr(r) := "statement" if r.type == "aws_iam_policy_document"

attr(r) := "inline_policy" if r.type == "aws_iam_role"

attr(r) := "policy" if not r.type in {"aws_iam_policy_document", "aws_iam_role"}

data_actions := {
	"s3:getobject", "secretsmanager:getsecretvalue", "ssm:getparameter", "ssm:getparameters",
	"ssm:getparametersbypath", "kms:decrypt", "dynamodb:getitem", "dynamodb:query", "dynamodb:scan",
	"dynamodb:batchgetitem", "rds:downloaddblogfileportion", "sqs:receivemessage", "ec2:getpassworddata",
}
