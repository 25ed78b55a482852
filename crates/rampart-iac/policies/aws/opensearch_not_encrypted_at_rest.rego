# METADATA
# title: "OpenSearch domain is not encrypted at rest"
# description: "encrypt_at_rest.enabled is not true on an OpenSearch/Elasticsearch domain."
# custom:
#   id: aws-opensearch-not-encrypted-at-rest
#   severity: high
#   kinds: [terraform]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Indexes hold searchable copies of application data and logs."
#   remediation: "Add encrypt_at_rest { enabled = true } (with kms_key_id)."
#   references: ["https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html"]
#   aliases:
#     checkov: [CKV_AWS_5]
#     trivy: [AVD-AWS-0048]
#     tfsec: [aws-elasticsearch-enable-domain-encryption]
#   examples:
#     fail:
#       - |
#         resource "aws_opensearch_domain" "search" {
#           domain_name    = "search"
#           engine_version = "OpenSearch_2.13"
#
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
package rampart.aws.opensearch_not_encrypted_at_rest

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_opensearch_domain", "aws_elasticsearch_domain"})
	v := cc.get(r.values, ["encrypt_at_rest", 0, "enabled"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s is not encrypted at rest", [r.address]), "resource": r.address, "attribute": "encrypt_at_rest.0.enabled"}
}
