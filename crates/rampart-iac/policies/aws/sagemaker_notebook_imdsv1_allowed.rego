# METADATA
# title: "SageMaker notebook instance allows IMDSv1"
# description: "instance_metadata_service_configuration.minimum_instance_metadata_service_version is not \"2\", so code in the notebook can reach the unauthenticated IMDSv1."
# custom:
#   id: aws-sagemaker-notebook-imdsv1-allowed
#   severity: medium
#   kinds: [terraform]
#   cwe: [918]
#   owasp: ["A10:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Notebooks run downloaded code and third-party packages; IMDSv1 lets any SSRF or careless library fetch the notebook role's credentials."
#   remediation: "Add instance_metadata_service_configuration { minimum_instance_metadata_service_version = \"2\" }."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-imds.html"]
#   aliases:
#     checkov: [CKV_AWS_371]
#   examples:
#     fail:
#       - |
#         resource "aws_sagemaker_notebook_instance" "research" {
#           name                   = "research"
#           role_arn               = "arn:aws:iam::123456789012:role/sagemaker"
#           instance_type          = "ml.t3.medium"
#           direct_internet_access = "Disabled"
#           root_access            = "Disabled"
#
#         }
#     pass:
#       - |
#         resource "aws_sagemaker_notebook_instance" "research" {
#           name                   = "research"
#           role_arn               = "arn:aws:iam::123456789012:role/sagemaker"
#           instance_type          = "ml.t3.medium"
#           direct_internet_access = "Disabled"
#           root_access            = "Disabled"
#           instance_metadata_service_configuration {
#             minimum_instance_metadata_service_version = "2"
#           }
#         }
package rampart.aws.sagemaker_notebook_imdsv1_allowed

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sagemaker_notebook_instance"})
	v := cc.get(r.values, ["instance_metadata_service_configuration", 0, "minimum_instance_metadata_service_version"])
	cc.differs(v, "2", true)
	result := {"msg": sprintf("%s allows IMDSv1", [r.address]), "resource": r.address, "attribute": "instance_metadata_service_configuration.0.minimum_instance_metadata_service_version"}
}
