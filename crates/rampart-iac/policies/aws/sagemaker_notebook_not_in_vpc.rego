# METADATA
# title: "SageMaker notebook instance is not in your VPC"
# description: "The notebook instance has no subnet_id, so it runs outside your VPC, its security groups and endpoint policies."
# custom:
#   id: aws-sagemaker-notebook-not-in-vpc
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Outside the VPC the notebook cannot be restricted by security groups, VPC endpoints or network firewalls."
#   remediation: "Set subnet_id and security_groups."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html"]
#   aliases:
#     checkov: [CKV_AWS_306]
#   examples:
#     fail:
#       - |
#         resource "aws_sagemaker_notebook_instance" "research" {
#           name          = "research"
#           role_arn      = "arn:aws:iam::123456789012:role/sagemaker"
#           instance_type = "ml.t3.medium"
#           direct_internet_access = "Disabled"
#         }
#     pass:
#       - |
#         resource "aws_sagemaker_notebook_instance" "research" {
#           name          = "research"
#           role_arn      = "arn:aws:iam::123456789012:role/sagemaker"
#           instance_type = "ml.t3.medium"
#           direct_internet_access = "Disabled"
#           root_access            = "Disabled"
#           kms_key_id             = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#           subnet_id              = "subnet-0a"
#           security_groups        = ["sg-0123456789abcdef0"]
#         }
package rampart.aws.sagemaker_notebook_not_in_vpc

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sagemaker_notebook_instance"})
	cc.blank(cc.get(r.values, ["subnet_id"]))
	result := {"msg": sprintf("%s is not launched in a VPC subnet", [r.address]), "resource": r.address, "attribute": "subnet_id"}
}
