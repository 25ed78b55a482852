# METADATA
# title: "EKS node group allows SSH from anywhere"
# description: "An aws_eks_node_group sets remote_access.ec2_ssh_key without source_security_group_ids, which opens port 22 on the nodes to 0.0.0.0/0."
# custom:
#   id: aws-eks-node-group-ssh-from-anywhere
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Worker nodes run every pod's workload and hold node credentials; open SSH invites brute force and key reuse attacks."
#   remediation: "Set source_security_group_ids to a bastion or admin group, or remove remote_access and use SSM Session Manager."
#   references: ["https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html"]
#   aliases:
#     checkov: [CKV_AWS_100]
#   examples:
#     fail:
#       - |
#         resource "aws_eks_node_group" "workers" {
#           cluster_name    = "main"
#           node_group_name = "workers"
#           node_role_arn   = "arn:aws:iam::123456789012:role/eks-node"
#           subnet_ids      = ["subnet-0a"]
#           scaling_config {
#             desired_size = 2
#             max_size     = 4
#             min_size     = 1
#           }
#           remote_access {
#             ec2_ssh_key = "ops"
#           }
#         }
#     pass:
#       - |
#         resource "aws_eks_node_group" "workers" {
#           cluster_name    = "main"
#           node_group_name = "workers"
#           node_role_arn   = "arn:aws:iam::123456789012:role/eks-node"
#           subnet_ids      = ["subnet-0a"]
#           scaling_config {
#             desired_size = 2
#             max_size     = 4
#             min_size     = 1
#           }
#           remote_access {
#             ec2_ssh_key               = "ops"
#             source_security_group_ids = ["sg-0123456789abcdef0"]
#           }
#         }
package rampart.aws.eks_node_group_ssh_from_anywhere

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_eks_node_group"})
	some i, ra in cc.arr(cc.oget(r.values, "remote_access", []))
	not cc.blank(cc.oget(ra, "ec2_ssh_key", null))
	cc.blank(cc.oget(ra, "source_security_group_ids", null))
	result := {"msg": sprintf("%s opens SSH on its nodes to 0.0.0.0/0", [r.address]), "resource": r.address, "attribute": sprintf("remote_access.%d.source_security_group_ids", [i])}
}
