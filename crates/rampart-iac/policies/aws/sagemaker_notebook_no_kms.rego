# METADATA
# title: "SageMaker notebook instance storage is not encrypted with a customer managed key"
# description: "The notebook instance has no kms_key_id for its ML storage volume."
# custom:
#   id: aws-sagemaker-notebook-no-kms
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Notebook volumes accumulate datasets, model checkpoints and credentials; a customer managed key controls and logs access to them."
#   remediation: "Set kms_key_id to a customer managed KMS key."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html"]
#   aliases:
#     checkov: [CKV_AWS_22]
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
package rampart.aws.sagemaker_notebook_no_kms

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sagemaker_notebook_instance"})
	cc.blank(cc.get(r.values, ["kms_key_id"]))
	result := {"msg": sprintf("%s does not encrypt its storage with a customer managed key", [r.address]), "resource": r.address, "attribute": "kms_key_id"}
}
