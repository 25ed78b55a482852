# METADATA
# title: "Kinesis data stream is not encrypted"
# description: "An aws_kinesis_stream leaves encryption_type at NONE."
# custom:
#   id: aws-kinesis-stream-not-encrypted
#   severity: medium
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Stream records (events, clickstreams, feature data) are stored unencrypted for the retention period."
#   remediation: "Set encryption_type = \"KMS\" and kms_key_id."
#   references: ["https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html"]
#   aliases:
#     checkov: [CKV_AWS_43]
#     trivy: [AVD-AWS-0064]
#     tfsec: [aws-kinesis-enable-in-transit-encryption]
#   examples:
#     fail:
#       - |
#         resource "aws_kinesis_stream" "events" {
#           name        = "events"
#           shard_count = 1
#         }
#     pass:
#       - |
#         resource "aws_kinesis_stream" "events" {
#           name            = "events"
#           shard_count     = 1
#           encryption_type = "KMS"
#           kms_key_id      = "alias/aws/kinesis"
#         }
package rampart.aws.kinesis_stream_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_kinesis_stream"})
	v := cc.get(r.values, ["encryption_type"])
	cc.differs(v, "KMS", true)
	result := {"msg": sprintf("%s does not encrypt records with KMS", [r.address]), "resource": r.address, "attribute": "encryption_type"}
}
