# METADATA
# title: "CloudFront distribution has no WAF web ACL"
# description: "The distribution sets no web_acl_id."
# custom:
#   id: aws-cloudfront-no-waf
#   severity: low
#   kinds: [terraform]
#   cwe: [693]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A web ACL filters common exploits, bots and floods before they reach the origin."
#   remediation: "Associate an AWS WAF web ACL through web_acl_id."
#   references: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-awswaf.html"]
#   aliases:
#     checkov: [CKV_AWS_68]
#     trivy: [AVD-AWS-0011]
#     tfsec: [aws-cloudfront-enable-waf]
#   examples:
#     fail:
#       - |
#         resource "aws_cloudfront_distribution" "site" {
#           enabled = true
#
#           origin {
#             domain_name = "site.s3.amazonaws.com"
#             origin_id   = "s3"
#           }
#           default_cache_behavior {
#             target_origin_id       = "s3"
#             viewer_protocol_policy = "redirect-to-https"
#             allowed_methods        = ["GET", "HEAD"]
#             cached_methods         = ["GET", "HEAD"]
#           }
#           restrictions {
#             geo_restriction {
#               restriction_type = "none"
#             }
#           }
#           viewer_certificate {
#             acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/1"
#             ssl_support_method       = "sni-only"
#             minimum_protocol_version = "TLSv1.2_2021"
#           }
#         }
#     pass:
#       - |
#         resource "aws_cloudfront_distribution" "site" {
#           enabled = true
#           web_acl_id = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/site/1"
#           origin {
#             domain_name = "site.s3.amazonaws.com"
#             origin_id   = "s3"
#           }
#           default_cache_behavior {
#             target_origin_id       = "s3"
#             viewer_protocol_policy = "redirect-to-https"
#             allowed_methods        = ["GET", "HEAD"]
#             cached_methods         = ["GET", "HEAD"]
#           }
#           restrictions {
#             geo_restriction {
#               restriction_type = "none"
#             }
#           }
#           viewer_certificate {
#             acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/1"
#             ssl_support_method       = "sni-only"
#             minimum_protocol_version = "TLSv1.2_2021"
#           }
#         }
package rampart.aws.cloudfront_no_waf

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_cloudfront_distribution"})
	cc.blank(cc.get(r.values, ["web_acl_id"]))
	result := {"msg": sprintf("%s has no WAF web ACL", [r.address]), "resource": r.address, "attribute": "web_acl_id"}
}
