# METADATA
# title: "SQS queue is not encrypted (CloudFormation)"
# description: "An AWS::SQS::Queue sets SqsManagedSseEnabled to false without a KmsMasterKeyId."
# custom:
#   id: cfn-sqs-queue-not-encrypted
#   severity: medium
#   kinds: [cloudformation]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Messages are stored unencrypted."
#   remediation: "Set KmsMasterKeyId, or leave SqsManagedSseEnabled at true."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sqs-queue.html"]
#   aliases:
#     checkov: [CKV_AWS_27]
#     trivy: [AVD-AWS-0096]
#   examples:
#     fail:
#       - |
#         Resources:
#           Jobs:
#             Type: AWS::SQS::Queue
#             Properties:
#               SqsManagedSseEnabled: false
#     pass:
#       - |
#         Resources:
#           Jobs:
#             Type: AWS::SQS::Queue
#             Properties:
#               KmsMasterKeyId: alias/jobs
package rampart.cloudformation.sqs_queue_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::SQS::Queue"})
	cc.blank(cc.get(r.values, ["KmsMasterKeyId"]))
	cc.is_false(cc.get(r.values, ["SqsManagedSseEnabled"]))
	result := {"msg": sprintf("%s stores messages unencrypted", [r.address]), "resource": r.address, "attribute": "SqsManagedSseEnabled"}
}
