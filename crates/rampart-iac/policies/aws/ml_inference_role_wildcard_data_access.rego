# METADATA
# title: "ML inference or agent role has wildcard access to data stores"
# description: "An IAM role assumed by SageMaker, Bedrock or Lambda is granted a whole data service (\"s3:*\", \"dynamodb:*\", \"secretsmanager:*\"... or \"*\") on every resource, through inline, role or attached policies or broad AWS managed policies."
# custom:
#   id: aws-ml-inference-role-wildcard-data-access
#   severity: critical
#   kinds: [terraform]
#   cwe: [269, 250]
#   owasp: ["A01:2021"]
#   owasp_llm: ["LLM06:2025", "LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "This is the classic \"inference endpoint with elevated permissions\": a prompt injection, a malicious model artifact or an SSRF in the serving code inherits read/write access to every bucket and table in the account."
#   remediation: "Give each endpoint, agent or function its own role limited to the buckets, prefixes, tables and keys it needs."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html", "https://genai.owasp.org/llmrisk/llm062025-excessive-agency/"]
#   examples:
#     fail:
#       - |
#         resource "aws_iam_role" "inference" {
#           name = "inference"
#           assume_role_policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }]
#           })
#         }
#
#         resource "aws_iam_role_policy" "inference" {
#           name = "inference"
#           role = aws_iam_role.inference.id
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = ["s3:*", "dynamodb:*"], Resource = "*" }]
#           })
#         }
#       - |
#         data "aws_iam_policy_document" "trust" {
#           statement {
#             actions = ["sts:AssumeRole"]
#             principals {
#               type        = "Service"
#               identifiers = ["bedrock.amazonaws.com"]
#             }
#           }
#         }
#
#         resource "aws_iam_role" "agent" {
#           name                = "agent"
#           assume_role_policy  = data.aws_iam_policy_document.trust.json
#           managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonS3FullAccess"]
#         }
#     pass:
#       - |
#         resource "aws_iam_role" "inference" {
#           name = "inference"
#           assume_role_policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }]
#           })
#         }
#
#         resource "aws_iam_role_policy" "inference" {
#           name = "inference"
#           role = aws_iam_role.inference.id
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::corp-ml-models/llm-v3/*" }]
#           })
#         }
#       - |
#         resource "aws_iam_role" "inference" {
#           name = "inference"
#           assume_role_policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
#           })
#         }
#
#         resource "aws_iam_role_policy" "inference" {
#           name = "batch"
#           role = aws_iam_role.inference.id
#           policy = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Action = ["s3:*"], Resource = "*" }]
#           })
#         }
package rampart.aws.ml_inference_role_wildcard_data_access

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

ml_services := {"sagemaker.amazonaws.com", "bedrock.amazonaws.com", "lambda.amazonaws.com"}

data_wildcards := {"*", "s3:*", "dynamodb:*", "rds:*", "rds-data:*", "secretsmanager:*", "ssm:*", "kms:*", "redshift-data:*", "es:*", "sqs:*", "glue:*", "athena:*", "s3:get*", "s3:put*", "dynamodb:get*", "dynamodb:put*"}

broad_managed := {
	"arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/PowerUserAccess",
	"arn:aws:iam::aws:policy/AmazonS3FullAccess", "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess",
	"arn:aws:iam::aws:policy/AmazonRDSFullAccess", "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
}

deny contains result if {
	some role in cc.resources({"aws_iam_role"})
	aws.assumed_by(role, ml_services)
	some s in aws.role_statements(role)
	s.allow
	some a in s.actions
	a in data_wildcards
	aws.any_resource(s)
	result := {"msg": sprintf("%s (assumed by an ML/serverless service) is granted %q on every resource", [role.address, a]), "resource": role.address, "attribute": "assume_role_policy"}
}

deny contains result if {
	some role in cc.resources({"aws_iam_role"})
	aws.assumed_by(role, ml_services)
	some arn in aws.role_managed_arns(role)
	arn in broad_managed
	result := {"msg": sprintf("%s (assumed by an ML/serverless service) has the broad managed policy %s", [role.address, arn]), "resource": role.address, "attribute": "managed_policy_arns"}
}
