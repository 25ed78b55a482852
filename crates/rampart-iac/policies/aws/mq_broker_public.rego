# METADATA
# title: "Amazon MQ broker is publicly accessible"
# description: "An aws_mq_broker sets publicly_accessible = true."
# custom:
#   id: aws-mq-broker-public
#   severity: high
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A public broker exposes its queues and management console to the internet."
#   remediation: "Set publicly_accessible = false and reach the broker from inside the VPC."
#   references: ["https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/accessing-web-console-of-broker-without-public-accessibility.html"]
#   aliases:
#     checkov: [CKV_AWS_69]
#     trivy: [AVD-AWS-0072]
#     tfsec: [aws-mq-no-public-access]
#   examples:
#     fail:
#       - |
#         resource "aws_mq_broker" "jobs" {
#           broker_name         = "jobs"
#           engine_type         = "RabbitMQ"
#           engine_version      = "3.13"
#           host_instance_type  = "mq.m5.large"
#           publicly_accessible = true
#           user {
#             username = "app"
#             password = "from-a-variable"
#           }
#         }
#     pass:
#       - |
#         resource "aws_mq_broker" "jobs" {
#           broker_name         = "jobs"
#           engine_type         = "RabbitMQ"
#           engine_version      = "3.13"
#           host_instance_type  = "mq.m5.large"
#           publicly_accessible = false
#           user {
#             username = "app"
#             password = "from-a-variable"
#           }
#         }
package rampart.aws.mq_broker_public

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_mq_broker"})
	v := cc.get(r.values, ["publicly_accessible"])
	cc.differs(v, false, false)
	result := {"msg": sprintf("%s is publicly accessible", [r.address]), "resource": r.address, "attribute": "publicly_accessible"}
}
