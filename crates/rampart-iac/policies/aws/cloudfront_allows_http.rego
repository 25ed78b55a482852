# METADATA
# title: "CloudFront distribution lets viewers use plain HTTP"
# description: "A cache behaviour sets viewer_protocol_policy = \"allow-all\"."
# custom:
#   id: aws-cloudfront-allows-http
#   severity: medium
#   kinds: [terraform]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Viewers on hostile networks can be served tampered content and have cookies stolen over HTTP."
#   remediation: "Use viewer_protocol_policy \"redirect-to-https\" or \"https-only\" on every cache behaviour."
#   references: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html"]
#   aliases:
#     checkov: [CKV_AWS_34]
#     trivy: [AVD-AWS-0012]
#     tfsec: [aws-cloudfront-enforce-https]
#   examples:
#     fail:
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
#             viewer_protocol_policy = "allow-all"
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
package rampart.aws.cloudfront_allows_http

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_cloudfront_distribution"})
	some k in ["default_cache_behavior", "ordered_cache_behavior"]
	some i, b in cc.arr(cc.oget(r.values, k, []))
	cc.oget(b, "viewer_protocol_policy", "") == "allow-all"
	result := {"msg": sprintf("%s allows plain HTTP viewers in %s", [r.address, k]), "resource": r.address, "attribute": sprintf("%s.%d.viewer_protocol_policy", [k, i])}
}
