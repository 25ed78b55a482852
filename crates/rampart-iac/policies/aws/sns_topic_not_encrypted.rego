# METADATA
# title: "SNS topic is not encrypted"
# description: "The topic has no kms_master_key_id."
# custom:
#   id: aws-sns-topic-not-encrypted
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without SSE, messages are stored unencrypted while SNS retries delivery."
#   remediation: "Set kms_master_key_id (a customer managed key, or alias/aws/sns)."
#   references: ["https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html"]
#   aliases:
#     checkov: [CKV_AWS_26]
#     trivy: [AVD-AWS-0095]
#     tfsec: [aws-sns-enable-topic-encryption]
#   examples:
#     fail:
#       - |
#         resource "aws_sns_topic" "events" {
#           name = "events"
#         }
#     pass:
#       - |
#         resource "aws_sns_topic" "events" {
#           name              = "events"
#           kms_master_key_id = "alias/events"
#         }
package rampart.aws.sns_topic_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sns_topic"})
	cc.blank(cc.get(r.values, ["kms_master_key_id"]))
	result := {"msg": sprintf("%s is not encrypted", [r.address]), "resource": r.address, "attribute": "kms_master_key_id"}
}
