# METADATA
# title: "OpenSearch node-to-node encryption is disabled"
# description: "node_to_node_encryption.enabled is not true."
# custom:
#   id: aws-opensearch-node-to-node-encryption-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Without it, shard traffic between data nodes travels unencrypted inside the VPC."
#   remediation: "Add node_to_node_encryption { enabled = true }."
#   references: ["https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html"]
#   aliases:
#     checkov: [CKV_AWS_6]
#     trivy: [AVD-AWS-0043]
#     tfsec: [aws-elasticsearch-enable-in-transit-encryption]
#   examples:
#     fail:
#       - |
#         resource "aws_opensearch_domain" "search" {
#           domain_name    = "search"
#           engine_version = "OpenSearch_2.13"
#           encrypt_at_rest {
#             enabled = true
#           }
#         }
#     pass:
#       - |
#         resource "aws_opensearch_domain" "search" {
#           domain_name    = "search"
#           engine_version = "OpenSearch_2.13"
#           encrypt_at_rest {
#             enabled = true
#           }
#           node_to_node_encryption {
#             enabled = true
#           }
#           domain_endpoint_options {
#             enforce_https       = true
#             tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
#           }
#           vpc_options {
#             subnet_ids = ["subnet-0a"]
#           }
#         }
package rampart.aws.opensearch_node_to_node_encryption_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_opensearch_domain", "aws_elasticsearch_domain"})
	v := cc.get(r.values, ["node_to_node_encryption", 0, "enabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not encrypt node-to-node traffic", [r.address]), "resource": r.address, "attribute": "node_to_node_encryption.0.enabled"}
}
