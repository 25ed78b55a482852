# METADATA
# title: "CloudFront distribution allows TLS older than 1.2"
# description: "viewer_certificate.minimum_protocol_version is below TLSv1.2 (or the default CloudFront certificate, which allows TLSv1, is used)."
# custom:
#   id: aws-cloudfront-outdated-tls
#   severity: medium
#   kinds: [terraform]
#   cwe: [326, 327]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "TLS 1.0/1.1 are deprecated and weaker against downgrade and cipher attacks."
#   remediation: "Use a custom ACM certificate with minimum_protocol_version = \"TLSv1.2_2021\" or later."
#   references: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html"]
#   aliases:
#     checkov: [CKV_AWS_174]
#     trivy: [AVD-AWS-0013]
#     tfsec: [aws-cloudfront-use-secure-tls-policy]
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
#             minimum_protocol_version = "TLSv1"
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
package rampart.aws.cloudfront_outdated_tls

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_cloudfront_distribution"})
	some i, c in cc.arr(cc.oget(r.values, "viewer_certificate", []))
	v := cc.oget(c, "minimum_protocol_version", "TLSv1")
	not cc.unknown(v)
	not cc.starts(v, "TLSv1.2")
	not cc.starts(v, "TLSv1.3")
	result := {"msg": sprintf("%s accepts TLS versions below 1.2 (%s)", [r.address, v]), "resource": r.address, "attribute": sprintf("viewer_certificate.%d.minimum_protocol_version", [i])}
}
