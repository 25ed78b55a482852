# METADATA
# title: "ML inference role has wildcard access to data stores (CloudFormation)"
# description: "An AWS::IAM::Role trusted by sagemaker.amazonaws.com, bedrock.amazonaws.com or lambda.amazonaws.com has an inline policy allowing \"*\" or a whole data service (\"s3:*\", \"dynamodb:*\"...) on every resource, or a broad AWS managed policy."
# custom:
#   id: cfn-ml-inference-role-wildcard-data-access
#   severity: critical
#   kinds: [cloudformation]
#   cwe: [269, 250]
#   owasp: ["A01:2021"]
#   owasp_llm: ["LLM06:2025", "LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "A prompt injection, malicious model artifact or SSRF in the serving code inherits read/write access to every bucket and table in the account."
#   remediation: "Limit the role to the buckets, prefixes, tables and keys the endpoint, agent or function needs."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html", "https://genai.owasp.org/llmrisk/llm062025-excessive-agency/"]
#   examples:
#     fail:
#       - |
#         Resources:
#           InferenceRole:
#             Type: AWS::IAM::Role
#             Properties:
#               AssumeRolePolicyDocument:
#                 Version: "2012-10-17"
#                 Statement:
#                   - Effect: Allow
#                     Principal:
#                       Service: sagemaker.amazonaws.com
#                     Action: sts:AssumeRole
#               Policies:
#                 - PolicyName: data
#                   PolicyDocument:
#                     Version: "2012-10-17"
#                     Statement:
#                       - Effect: Allow
#                         Action: ["s3:*"]
#                         Resource: "*"
#       - |
#         Resources:
#           AgentRole:
#             Type: AWS::IAM::Role
#             Properties:
#               AssumeRolePolicyDocument:
#                 Version: "2012-10-17"
#                 Statement:
#                   - Effect: Allow
#                     Principal:
#                       Service: [bedrock.amazonaws.com]
#                     Action: sts:AssumeRole
#               ManagedPolicyArns:
#                 - arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess
#     pass:
#       - |
#         Resources:
#           InferenceRole:
#             Type: AWS::IAM::Role
#             Properties:
#               AssumeRolePolicyDocument:
#                 Version: "2012-10-17"
#                 Statement:
#                   - Effect: Allow
#                     Principal:
#                       Service: sagemaker.amazonaws.com
#                     Action: sts:AssumeRole
#               Policies:
#                 - PolicyName: model
#                   PolicyDocument:
#                     Version: "2012-10-17"
#                     Statement:
#                       - Effect: Allow
#                         Action: s3:GetObject
#                         Resource: arn:aws:s3:::corp-ml-models/llm-v3/*
package rampart.cloudformation.ml_inference_role_wildcard_data_access

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

ml_services := {"sagemaker.amazonaws.com", "bedrock.amazonaws.com", "lambda.amazonaws.com"}

data_wildcards := {"*", "s3:*", "dynamodb:*", "rds:*", "rds-data:*", "secretsmanager:*", "ssm:*", "kms:*", "redshift-data:*", "es:*", "sqs:*", "glue:*", "athena:*", "s3:get*", "s3:put*"}

broad_managed := {
	"arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/PowerUserAccess",
	"arn:aws:iam::aws:policy/AmazonS3FullAccess", "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess",
	"arn:aws:iam::aws:policy/AmazonRDSFullAccess", "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
}

trusted_by_ml(r) if {
	some s in aws.json_statements(cc.oget(r.values, "AssumeRolePolicyDocument", {}))
	s.allow
	some p in s.principals
	p in ml_services
}

deny contains result if {
	some r in cc.resources({"AWS::IAM::Role"})
	trusted_by_ml(r)
	some s in aws.cfn_allows(r)
	some a in s.actions
	a in data_wildcards
	aws.any_resource(s)
	result := {"msg": sprintf("%s (assumed by an ML/serverless service) is granted %q on every resource", [r.address, a]), "resource": r.address, "attribute": "Policies"}
}

deny contains result if {
	some r in cc.resources({"AWS::IAM::Role"})
	trusted_by_ml(r)
	some arn in cc.arr(cc.oget(r.values, "ManagedPolicyArns", []))
	arn in broad_managed
	result := {"msg": sprintf("%s (assumed by an ML/serverless service) has the broad managed policy %s", [r.address, arn]), "resource": r.address, "attribute": "ManagedPolicyArns"}
}
