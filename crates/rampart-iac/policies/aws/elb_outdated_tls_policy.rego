# METADATA
# title: "Load balancer listener allows TLS older than 1.2"
# description: "An HTTPS/TLS listener uses an ssl_policy that still negotiates TLS 1.0 or 1.1 (e.g. ELBSecurityPolicy-2016-08)."
# custom:
#   id: aws-elb-outdated-tls-policy
#   severity: medium
#   kinds: [terraform]
#   cwe: [326, 327]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "TLS 1.0/1.1 have known weaknesses and are deprecated (RFC 8996)."
#   remediation: "Use ELBSecurityPolicy-TLS13-1-2-2021-06 or another policy with TLS 1.2 as the minimum."
#   references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html", "https://datatracker.ietf.org/doc/html/rfc8996"]
#   aliases:
#     checkov: [CKV_AWS_103]
#     trivy: [AVD-AWS-0047]
#     tfsec: [aws-elb-use-secure-tls-policy]
#   examples:
#     fail:
#       - |
#         resource "aws_lb_listener" "https" {
#           load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1"
#           port              = 443
#           protocol          = "HTTPS"
#           ssl_policy        = "ELBSecurityPolicy-2016-08"
#           certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/1"
#           default_action {
#             type             = "forward"
#             target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/1"
#           }
#         }
#     pass:
#       - |
#         resource "aws_lb_listener" "https" {
#           load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1"
#           port              = 443
#           protocol          = "HTTPS"
#           ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
#           certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/1"
#           default_action {
#             type             = "forward"
#             target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/1"
#           }
#         }
package rampart.aws.elb_outdated_tls_policy

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_lb_listener", "aws_alb_listener"})
	cc.oget(r.values, "protocol", "") in {"HTTPS", "TLS"}
	p := cc.oget(r.values, "ssl_policy", "ELBSecurityPolicy-2016-08")
	not cc.unknown(p)
	not modern(p)
	result := {"msg": sprintf("%s uses TLS policy %s which allows TLS below 1.2", [r.address, p]), "resource": r.address, "attribute": "ssl_policy"}
}

modern(p) if cc.has_sub(p, "TLS13")

modern(p) if cc.has_sub(p, "TLS-1-2")

modern(p) if cc.has_sub(p, "FS-1-2")
