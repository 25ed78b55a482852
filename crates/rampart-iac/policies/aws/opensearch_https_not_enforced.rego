# METADATA
# title: "OpenSearch domain does not enforce HTTPS"
# description: "domain_endpoint_options.enforce_https is not true."
# custom:
#   id: aws-opensearch-https-not-enforced
#   severity: medium
#   kinds: [terraform]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Queries and credentials sent to the domain over HTTP can be intercepted."
#   remediation: "Set domain_endpoint_options { enforce_https = true, tls_security_policy = \"Policy-Min-TLS-1-2-2019-07\" }."
#   references: ["https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html"]
#   aliases:
#     checkov: [CKV_AWS_83]
#     trivy: [AVD-AWS-0046]
#     tfsec: [aws-elasticsearch-enforce-https]
#   examples:
#     fail:
#       - |
#         resource "aws_opensearch_domain" "search" {
#           domain_name    = "search"
#           engine_version = "OpenSearch_2.13"
#           domain_endpoint_options {
#             enforce_https = false
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
package rampart.aws.opensearch_https_not_enforced

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_opensearch_domain", "aws_elasticsearch_domain"})
	v := cc.get(r.values, ["domain_endpoint_options", 0, "enforce_https"])
	cc.differs(v, true, true)
	result := {"msg": sprintf("%s does not enforce HTTPS", [r.address]), "resource": r.address, "attribute": "domain_endpoint_options.0.enforce_https"}
}
