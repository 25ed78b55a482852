# METADATA
# title: "SageMaker notebook instance has direct internet access"
# description: "direct_internet_access is \"Enabled\" (the default): the notebook reaches the internet through a SageMaker-managed network, bypassing your VPC controls."
# custom:
#   id: aws-sagemaker-notebook-direct-internet-access
#   severity: high
#   kinds: [terraform]
#   cwe: [284, 200]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Notebooks hold data-scientist credentials, training data and models; direct internet access lets code in them exfiltrate that data and download untrusted packages and models unchecked."
#   remediation: "Set direct_internet_access = \"Disabled\" and give the notebook a subnet_id whose route goes through your NAT/proxy and VPC endpoints."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html"]
#   aliases:
#     checkov: [CKV_AWS_122]
#   examples:
#     fail:
#       - |
#         resource "aws_sagemaker_notebook_instance" "research" {
#           name          = "research"
#           role_arn      = "arn:aws:iam::123456789012:role/sagemaker"
#           instance_type = "ml.t3.medium"
#           subnet_id = "subnet-0a"
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
package rampart.aws.sagemaker_notebook_direct_internet_access

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sagemaker_notebook_instance"})
	v := cc.oget(r.values, "direct_internet_access", "Enabled")
	not cc.unknown(v)
	v != "Disabled"
	result := {"msg": sprintf("%s has direct internet access", [r.address]), "resource": r.address, "attribute": "direct_internet_access"}
}
