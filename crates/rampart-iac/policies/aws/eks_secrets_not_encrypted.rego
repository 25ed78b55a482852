# METADATA
# title: "EKS cluster does not encrypt Kubernetes secrets with KMS"
# description: "The cluster has no encryption_config covering the \"secrets\" resource."
# custom:
#   id: aws-eks-secrets-not-encrypted
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Envelope encryption with a KMS key protects Secret objects in etcd and lets you audit their decryption."
#   remediation: "Add encryption_config { resources = [\"secrets\"], provider { key_arn = <KMS key> } }."
#   references: ["https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html"]
#   aliases:
#     checkov: [CKV_AWS_58]
#     trivy: [AVD-AWS-0039]
#     tfsec: [aws-eks-encrypt-secrets]
#   examples:
#     fail:
#       - |
#         resource "aws_eks_cluster" "main" {
#           name     = "main"
#           role_arn = "arn:aws:iam::123456789012:role/eks"
#           vpc_config {
#             subnet_ids = ["subnet-0a"]
#           }
#         }
#     pass:
#       - |
#         resource "aws_eks_cluster" "main" {
#           name     = "main"
#           role_arn = "arn:aws:iam::123456789012:role/eks"
#           vpc_config {
#             subnet_ids = ["subnet-0a"]
#           }
#           encryption_config {
#             resources = ["secrets"]
#             provider {
#               key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#             }
#           }
#         }
package rampart.aws.eks_secrets_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_eks_cluster"})
	not encrypts_secrets(r)
	result := {"msg": sprintf("%s does not encrypt Kubernetes secrets with a KMS key", [r.address]), "resource": r.address, "attribute": "encryption_config"}
}

encrypts_secrets(r) if {
	some e in cc.arr(cc.oget(r.values, "encryption_config", []))
	"secrets" in cc.arr(cc.oget(e, "resources", []))
}

encrypts_secrets(r) if {
	some e in cc.arr(cc.oget(r.values, "encryption_config", []))
	cc.unknown(cc.oget(e, "resources", []))
}
