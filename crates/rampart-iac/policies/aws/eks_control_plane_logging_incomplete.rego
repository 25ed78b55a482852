# METADATA
# title: "EKS control plane logging is incomplete"
# description: "enabled_cluster_log_types does not include all of api, audit, authenticator, controllerManager and scheduler."
# custom:
#   id: aws-eks-control-plane-logging-incomplete
#   severity: medium
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "The audit and authenticator logs are the record of who did what in the cluster."
#   remediation: "Set enabled_cluster_log_types = [\"api\", \"audit\", \"authenticator\", \"controllerManager\", \"scheduler\"]."
#   references: ["https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html"]
#   aliases:
#     checkov: [CKV_AWS_37]
#     trivy: [AVD-AWS-0038]
#     tfsec: [aws-eks-enable-control-plane-logging]
#   examples:
#     fail:
#       - |
#         resource "aws_eks_cluster" "main" {
#           name     = "main"
#           role_arn = "arn:aws:iam::123456789012:role/eks"
#           enabled_cluster_log_types = ["api"]
#           vpc_config {
#             subnet_ids = ["subnet-0a"]
#           }
#         }
#     pass:
#       - |
#         resource "aws_eks_cluster" "main" {
#           name     = "main"
#           role_arn = "arn:aws:iam::123456789012:role/eks"
#           enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
#           vpc_config {
#             subnet_ids = ["subnet-0a"]
#           }
#         }
package rampart.aws.eks_control_plane_logging_incomplete

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_eks_cluster"})
	raw := cc.oget(r.values, "enabled_cluster_log_types", [])
	not cc.unknown(raw)
	types := cc.arr(raw)
	every t in types {
		not cc.unknown(t)
	}
	missing := {t | some t in ["api", "audit", "authenticator", "controllerManager", "scheduler"]; not t in types}
	cc.size(missing) > 0
	result := {"msg": sprintf("%s does not log control plane types %v", [r.address, sort(missing)]), "resource": r.address, "attribute": "enabled_cluster_log_types"}
}
