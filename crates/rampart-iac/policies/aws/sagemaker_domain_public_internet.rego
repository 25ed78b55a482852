# METADATA
# title: "SageMaker Studio domain uses public internet access"
# description: "app_network_access_type is \"PublicInternetOnly\" (the default): Studio apps reach the internet through a SageMaker-managed network."
# custom:
#   id: aws-sagemaker-domain-public-internet
#   severity: high
#   kinds: [terraform]
#   cwe: [284, 200]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Studio users work with production data and models; unrestricted egress lets data leave and unvetted packages and models come in."
#   remediation: "Set app_network_access_type = \"VpcOnly\" and provide VPC endpoints / NAT through your controls."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/studio-notebooks-and-internet-access.html"]
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
#
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
package rampart.aws.sagemaker_domain_public_internet

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sagemaker_domain"})
	v := cc.oget(r.values, "app_network_access_type", "PublicInternetOnly")
	not cc.unknown(v)
	v != "VpcOnly"
	result := {"msg": sprintf("%s lets Studio apps use the public internet", [r.address]), "resource": r.address, "attribute": "app_network_access_type"}
}
