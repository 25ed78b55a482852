# METADATA
# title: "SQS queue is not encrypted"
# description: "The queue sets neither kms_master_key_id nor sqs_managed_sse_enabled = true (or explicitly disables SSE)."
# custom:
#   id: aws-sqs-queue-not-encrypted
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Messages often carry personal data and tokens; unencrypted they are readable in storage."
#   remediation: "Set kms_master_key_id (customer managed key) or sqs_managed_sse_enabled = true."
#   references: ["https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html"]
#   aliases:
#     checkov: [CKV_AWS_27]
#     trivy: [AVD-AWS-0096]
#     tfsec: [aws-sqs-enable-queue-encryption]
#   examples:
#     fail:
#       - |
#         resource "aws_sqs_queue" "jobs" {
#           name                    = "jobs"
#           sqs_managed_sse_enabled = false
#         }
#     pass:
#       - |
#         resource "aws_sqs_queue" "jobs" {
#           name              = "jobs"
#           kms_master_key_id = "alias/jobs"
#         }
package rampart.aws.sqs_queue_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_sqs_queue"})
	cc.blank(cc.get(r.values, ["kms_master_key_id"]))
	cc.get(r.values, ["sqs_managed_sse_enabled"]) == false
	result := {"msg": sprintf("%s stores messages unencrypted", [r.address]), "resource": r.address, "attribute": "sqs_managed_sse_enabled"}
}
