# METADATA
# title: "MSK cluster allows plaintext traffic"
# description: "encryption_info.encryption_in_transit sets client_broker to PLAINTEXT or TLS_PLAINTEXT, or in_cluster to false."
# custom:
#   id: aws-msk-plaintext-traffic
#   severity: medium
#   kinds: [terraform]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Kafka messages and SASL credentials can be read on the network when plaintext listeners are enabled."
#   remediation: "Set client_broker = \"TLS\" and in_cluster = true."
#   references: ["https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html"]
#   aliases:
#     checkov: [CKV_AWS_81]
#     trivy: [AVD-AWS-0073]
#     tfsec: [aws-msk-enable-in-transit-encryption]
#   examples:
#     fail:
#       - |
#         resource "aws_msk_cluster" "events" {
#           cluster_name           = "events"
#           kafka_version          = "3.6.0"
#           number_of_broker_nodes = 3
#           broker_node_group_info {
#             instance_type   = "kafka.m5.large"
#             client_subnets  = ["subnet-0a", "subnet-0b", "subnet-0c"]
#             security_groups = ["sg-0123456789abcdef0"]
#           }
#           encryption_info {
#             encryption_in_transit {
#               client_broker = "TLS_PLAINTEXT"
#               in_cluster    = true
#             }
#           }
#         }
#     pass:
#       - |
#         resource "aws_msk_cluster" "events" {
#           cluster_name           = "events"
#           kafka_version          = "3.6.0"
#           number_of_broker_nodes = 3
#           broker_node_group_info {
#             instance_type   = "kafka.m5.large"
#             client_subnets  = ["subnet-0a", "subnet-0b", "subnet-0c"]
#             security_groups = ["sg-0123456789abcdef0"]
#           }
#           encryption_info {
#             encryption_in_transit {
#               client_broker = "TLS"
#               in_cluster    = true
#             }
#           }
#         }
package rampart.aws.msk_plaintext_traffic

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_msk_cluster"})
	v := cc.get(r.values, ["encryption_info", 0, "encryption_in_transit", 0, "client_broker"])
	v in {"PLAINTEXT", "TLS_PLAINTEXT"}
	result := {"msg": sprintf("%s accepts %v client connections", [r.address, v]), "resource": r.address, "attribute": "encryption_info.0.encryption_in_transit.0.client_broker"}
}

deny contains result if {
	some r in cc.resources({"aws_msk_cluster"})
	cc.get(r.values, ["encryption_info", 0, "encryption_in_transit", 0, "in_cluster"]) == false
	result := {"msg": sprintf("%s does not encrypt traffic between brokers", [r.address]), "resource": r.address, "attribute": "encryption_info.0.encryption_in_transit.0.in_cluster"}
}
