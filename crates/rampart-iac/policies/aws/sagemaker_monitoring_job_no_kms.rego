# METADATA
# title: "SageMaker monitoring job output or volume is not encrypted with KMS"
# description: "An aws_sagemaker_data_quality_job_definition sets no kms_key_id for its output or no volume_kms_key_id for its processing volumes."
# custom:
#   id: aws-sagemaker-monitoring-job-no-kms
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Monitoring reports and scratch volumes hold samples of the captured inference data."
#   remediation: "Set data_quality_job_output_config.kms_key_id and job_resources.cluster_config.volume_kms_key_id to customer managed keys."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-quality.html"]
#   aliases:
#     checkov: [CKV_AWS_367, CKV_AWS_368]
#   examples:
#     fail:
#       - |
#         resource "aws_sagemaker_data_quality_job_definition" "monitor" {
#           name     = "llm-monitor"
#           role_arn = "arn:aws:iam::123456789012:role/sagemaker-monitor"
#           data_quality_app_specification {
#             image_uri = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/model-monitor:1"
#           }
#           data_quality_job_input {
#             endpoint_input {
#               endpoint_name = "llm"
#             }
#           }
#           data_quality_job_output_config {
#             monitoring_outputs {
#               s3_output {
#                 s3_uri = "s3://corp-ml-monitoring/llm"
#               }
#             }
#           }
#           job_resources {
#             cluster_config {
#               instance_count    = 2
#               instance_type     = "ml.m5.large"
#               volume_size_in_gb = 20
#               volume_kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#             }
#           }
#
#         }
#     pass:
#       - |
#         resource "aws_sagemaker_data_quality_job_definition" "monitor" {
#           name     = "llm-monitor"
#           role_arn = "arn:aws:iam::123456789012:role/sagemaker-monitor"
#           data_quality_app_specification {
#             image_uri = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/model-monitor:1"
#           }
#           data_quality_job_input {
#             endpoint_input {
#               endpoint_name = "llm"
#             }
#           }
#           data_quality_job_output_config {
#             kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#             monitoring_outputs {
#               s3_output {
#                 s3_uri = "s3://corp-ml-monitoring/llm"
#               }
#             }
#           }
#           job_resources {
#             cluster_config {
#               instance_count    = 2
#               instance_type     = "ml.m5.large"
#               volume_size_in_gb = 20
#               volume_kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#             }
#           }
#
#         }
package rampart.aws.sagemaker_monitoring_job_no_kms

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sagemaker_data_quality_job_definition"})
	cc.blank(cc.get(r.values, ["data_quality_job_output_config", 0, "kms_key_id"]))
	result := {"msg": sprintf("%s does not encrypt its output with a KMS key", [r.address]), "resource": r.address, "attribute": "data_quality_job_output_config.0.kms_key_id"}
}

deny contains result if {
	some r in cc.resources({"aws_sagemaker_data_quality_job_definition"})
	cc.blank(cc.get(r.values, ["job_resources", 0, "cluster_config", 0, "volume_kms_key_id"]))
	result := {"msg": sprintf("%s does not encrypt its processing volumes with a KMS key", [r.address]), "resource": r.address, "attribute": "job_resources.0.cluster_config.0.volume_kms_key_id"}
}
