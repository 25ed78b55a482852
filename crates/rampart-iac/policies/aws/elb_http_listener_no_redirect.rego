# METADATA
# title: "Load balancer listener serves plain HTTP"
# description: "An ALB listener uses protocol HTTP with a default action other than a redirect to HTTPS."
# custom:
#   id: aws-elb-http-listener-no-redirect
#   severity: medium
#   kinds: [terraform]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Requests, cookies and tokens sent over plain HTTP can be read and changed in transit."
#   remediation: "Listen on HTTPS with a certificate; keep port 80 only with a redirect action to HTTPS."
#   references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html"]
#   aliases:
#     checkov: [CKV_AWS_2, CKV2_AWS_20]
#     trivy: [AVD-AWS-0054]
#     tfsec: [aws-elb-http-not-used]
#   examples:
#     fail:
#       - |
#         resource "aws_lb_listener" "http" {
#           load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1"
#           port              = 80
#           protocol          = "HTTP"
#           default_action {
#             type             = "forward"
#             target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/1"
#           }
#         }
#     pass:
#       - |
#         resource "aws_lb_listener" "http" {
#           load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1"
#           port              = 80
#           protocol          = "HTTP"
#           default_action {
#             type = "redirect"
#             redirect {
#               port        = "443"
#               protocol    = "HTTPS"
#               status_code = "HTTP_301"
#             }
#           }
#         }
package rampart.aws.elb_http_listener_no_redirect

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_lb_listener", "aws_alb_listener"})
	cc.oget(r.values, "protocol", "") == "HTTP"
	not redirects(r)
	result := {"msg": sprintf("%s serves plain HTTP without redirecting to HTTPS", [r.address]), "resource": r.address, "attribute": "protocol"}
}

redirects(r) if {
	some a in cc.arr(cc.oget(r.values, "default_action", []))
	a.type == "redirect"
	some d in cc.arr(cc.oget(a, "redirect", []))
	cc.oget(d, "protocol", "") == "HTTPS"
}
