# METADATA
# title: "SageMaker Studio domain is not encrypted with a customer managed key"
# description: "The domain sets no kms_key_id for the EFS volume that holds users' home directories."
# custom:
#   id: aws-sagemaker-domain-no-kms
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Studio home directories hold notebooks, data extracts and tokens."
#   remediation: "Set kms_key_id to a customer managed key when creating the domain."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-studio.html"]
#   aliases:
#     checkov: [CKV_AWS_187]
#   examples:
#     fail:
#       - |
#         resource "aws_sagemaker_domain" "studio" {
#           domain_name = "studio"
#           auth_mode   = "IAM"
#           vpc_id      = "vpc-0123456789abcdef0"
#           subnet_ids  = ["subnet-0a"]
#           default_user_settings {
#             execution_role = "arn:aws:iam::123456789012:role/studio"
#           }
#           app_network_access_type = "VpcOnly"
#         }
#     pass:
#       - |
#         resource "aws_sagemaker_domain" "studio" {
#           domain_name = "studio"
#           auth_mode   = "IAM"
#           vpc_id      = "vpc-0123456789abcdef0"
#           subnet_ids  = ["subnet-0a"]
#           default_user_settings {
#             execution_role = "arn:aws:iam::123456789012:role/studio"
#           }
#           app_network_access_type = "VpcOnly"
#           kms_key_id              = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#         }
package rampart.aws.sagemaker_domain_no_kms

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sagemaker_domain"})
	cc.blank(cc.get(r.values, ["kms_key_id"]))
	result := {"msg": sprintf("%s does not encrypt Studio storage with a customer managed key", [r.address]), "resource": r.address, "attribute": "kms_key_id"}
}
