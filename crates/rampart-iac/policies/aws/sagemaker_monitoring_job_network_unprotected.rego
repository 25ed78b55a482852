# METADATA
# title: "SageMaker monitoring job neither encrypts inter-container traffic nor isolates the network"
# description: "An aws_sagemaker_data_quality_job_definition has no network_config with enable_inter_container_traffic_encryption and enable_network_isolation set to true."
# custom:
#   id: aws-sagemaker-monitoring-job-network-unprotected
#   severity: medium
#   kinds: [terraform]
#   cwe: [319, 284]
#   owasp: ["A02:2021", "A05:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: "Monitoring jobs process captured inference traffic (prompts, predictions); without encryption it crosses the network in clear between instances, and without isolation the container can send it anywhere."
#   remediation: "Add network_config { enable_inter_container_traffic_encryption = true, enable_network_isolation = true } (with vpc_config)."
#   references: ["https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-quality.html", "https://docs.aws.amazon.com/sagemaker/latest/dg/train-encrypt.html"]
#   aliases:
#     checkov: [CKV_AWS_369]
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
#           network_config {
#             enable_inter_container_traffic_encryption = false
#             enable_network_isolation                  = true
#           }
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
#           network_config {
#             enable_inter_container_traffic_encryption = true
#             enable_network_isolation                  = true
#             vpc_config {
#               subnets            = ["subnet-0a"]
#               security_group_ids = ["sg-0123456789abcdef0"]
#             }
#           }
#         }
package rampart.aws.sagemaker_monitoring_job_network_unprotected

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sagemaker_data_quality_job_definition"})
	some f in ["enable_inter_container_traffic_encryption", "enable_network_isolation"]
	cc.differs(cc.get(r.values, ["network_config", 0, f]), true, true)
	result := {"msg": sprintf("%s does not set %s", [r.address, f]), "resource": r.address, "attribute": sprintf("network_config.0.%s", [f])}
}
