# METADATA
# title: "EKS API server endpoint is public to the whole internet"
# description: "The cluster's vpc_config keeps endpoint_public_access on (the default) with public_access_cidrs unset or 0.0.0.0/0."
# custom:
#   id: aws-eks-public-endpoint-open
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "An internet-wide Kubernetes API endpoint is exposed to credential stuffing and to every future API server vulnerability."
#   remediation: "Set endpoint_public_access = false with endpoint_private_access = true, or restrict public_access_cidrs to known ranges."
#   references: ["https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html"]
#   aliases:
#     checkov: [CKV_AWS_38, CKV_AWS_39]
#     trivy: [AVD-AWS-0040, AVD-AWS-0041]
#     tfsec: [aws-eks-no-public-cluster-access, aws-eks-no-public-cluster-access-to-cidr]
#   examples:
#     fail:
#       - |
#         resource "aws_eks_cluster" "main" {
#           name     = "main"
#           role_arn = "arn:aws:iam::123456789012:role/eks"
#           vpc_config {
#             subnet_ids = ["subnet-0a", "subnet-0b"]
#           }
#         }
#       - |
#         resource "aws_eks_cluster" "main" {
#           name     = "main"
#           role_arn = "arn:aws:iam::123456789012:role/eks"
#           vpc_config {
#             subnet_ids          = ["subnet-0a", "subnet-0b"]
#             public_access_cidrs = ["0.0.0.0/0"]
#           }
#         }
#     pass:
#       - |
#         resource "aws_eks_cluster" "main" {
#           name     = "main"
#           role_arn = "arn:aws:iam::123456789012:role/eks"
#           vpc_config {
#             subnet_ids              = ["subnet-0a", "subnet-0b"]
#             endpoint_private_access = true
#             endpoint_public_access  = false
#           }
#         }
#       - |
#         resource "aws_eks_cluster" "main" {
#           name     = "main"
#           role_arn = "arn:aws:iam::123456789012:role/eks"
#           vpc_config {
#             subnet_ids          = ["subnet-0a", "subnet-0b"]
#             public_access_cidrs = ["203.0.113.0/24"]
#           }
#         }
package rampart.aws.eks_public_endpoint_open

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_eks_cluster"})
	some i, v in cc.arr(cc.oget(r.values, "vpc_config", []))
	not cc.is_or_unknown(cc.oget(v, "endpoint_public_access", true), false)
	open_cidrs(cc.oget(v, "public_access_cidrs", null))
	result := {"msg": sprintf("%s exposes its API server endpoint to the whole internet", [r.address]), "resource": r.address, "attribute": sprintf("vpc_config.%d.endpoint_public_access", [i])}
}

open_cidrs(c) if c == null

open_cidrs(c) if {
	some x in cc.arr(c)
	cc.is_world(x)
}
