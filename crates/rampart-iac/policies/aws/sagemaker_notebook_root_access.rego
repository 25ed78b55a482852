# METADATA
# title: "SageMaker notebook instance gives users root access"
# description: "root_access is \"Enabled\" (the default), so every notebook user is root on the instance."
# custom:
#   id: aws-sagemaker-notebook-root-access
#   severity: medium
#   kinds: [terraform]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Root lets users (or code they run from a downloaded notebook) change the instance, disable controls and reach the instance role's credentials freely."
#   remediation: "Set root_access = \"Disabled\" and install packages through lifecycle configurations."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html"]
#   aliases:
#     checkov: [CKV_AWS_307]
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
package rampart.aws.sagemaker_notebook_root_access

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sagemaker_notebook_instance"})
	v := cc.oget(r.values, "root_access", "Enabled")
	not cc.unknown(v)
	v != "Disabled"
	result := {"msg": sprintf("%s gives notebook users root access", [r.address]), "resource": r.address, "attribute": "root_access"}
}
