# METADATA
# title: "OpenSearch domain is reachable from the internet with an open access policy"
# description: "The domain is not in a VPC (no vpc_options) and its access policy allows Principal \"*\" without a condition."
# custom:
#   id: aws-opensearch-public-access
#   severity: critical
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Open OpenSearch/Elasticsearch domains are among the most frequently leaked data stores."
#   remediation: "Place the domain in a VPC with vpc_options, and name principals in access_policies (or restrict by aws:SourceIp)."
#   references: ["https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html", "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html"]
#   examples:
#     fail:
#       - |
#         resource "aws_opensearch_domain" "search" {
#           domain_name    = "search"
#           engine_version = "OpenSearch_2.13"
#           access_policies = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "es:*", Resource = "arn:aws:es:eu-west-1:123456789012:domain/search/*" }]
#           })
#         }
#     pass:
#       - |
#         resource "aws_opensearch_domain" "search" {
#           domain_name    = "search"
#           engine_version = "OpenSearch_2.13"
#           vpc_options {
#             subnet_ids = ["subnet-0a"]
#           }
#           access_policies = jsonencode({
#             Version   = "2012-10-17"
#             Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "es:ESHttp*", Resource = "arn:aws:es:eu-west-1:123456789012:domain/search/*" }]
#           })
#         }
package rampart.aws.opensearch_public_access

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_opensearch_domain", "aws_elasticsearch_domain"})
	cc.blank(cc.get(r.values, ["vpc_options"]))
	some s in aws.allows(r)
	aws.public_principal(s)
	not s.conditioned
	result := {"msg": sprintf("%s is outside a VPC and its access policy allows any principal", [r.address]), "resource": r.address, "attribute": "access_policies"}
}

deny contains result if {
	some p in cc.resources({"aws_opensearch_domain_policy", "aws_elasticsearch_domain_policy"})
	some s in aws.allows(p)
	aws.public_principal(s)
	not s.conditioned
	result := {"msg": sprintf("%s allows any principal", [p.address]), "resource": p.address, "attribute": "access_policies"}
}
