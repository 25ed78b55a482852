# METADATA
# title: "Load balancer listener serves plain HTTP (CloudFormation)"
# description: "An AWS::ElasticLoadBalancingV2::Listener uses Protocol HTTP with a default action other than a redirect to HTTPS."
# custom:
#   id: cfn-elb-http-listener-no-redirect
#   severity: medium
#   kinds: [cloudformation]
#   cwe: [319]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Requests, cookies and tokens over HTTP can be read and altered in transit."
#   remediation: "Use HTTPS listeners; keep HTTP only with a redirect action to HTTPS."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-listener.html"]
#   aliases:
#     checkov: [CKV_AWS_2]
#     trivy: [AVD-AWS-0054]
#   examples:
#     fail:
#       - |
#         Resources:
#           Http:
#             Type: AWS::ElasticLoadBalancingV2::Listener
#             Properties:
#               LoadBalancerArn: !Ref Alb
#               Port: 80
#               Protocol: HTTP
#               DefaultActions:
#                 - Type: forward
#                   TargetGroupArn: !Ref Targets
#     pass:
#       - |
#         Resources:
#           Http:
#             Type: AWS::ElasticLoadBalancingV2::Listener
#             Properties:
#               LoadBalancerArn: !Ref Alb
#               Port: 80
#               Protocol: HTTP
#               DefaultActions:
#                 - Type: redirect
#                   RedirectConfig:
#                     Protocol: HTTPS
#                     Port: "443"
#                     StatusCode: HTTP_301
package rampart.cloudformation.elb_http_listener_no_redirect

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::ElasticLoadBalancingV2::Listener"})
	cc.oget(r.values, "Protocol", "") == "HTTP"
	not redirects(r)
	result := {"msg": sprintf("%s serves plain HTTP without redirecting to HTTPS", [r.address]), "resource": r.address, "attribute": "Protocol"}
}

redirects(r) if {
	some a in cc.arr(cc.oget(r.values, "DefaultActions", []))
	cc.is_or_unknown(cc.lower_s(cc.oget(a, "Type", "")), "redirect")
	cc.is_or_unknown(cc.get(a, ["RedirectConfig", "Protocol"]), "HTTPS")
}

redirects(r) if cc.unknown(cc.oget(r.values, "DefaultActions", []))

redirects(r) if {
	some a in cc.arr(cc.oget(r.values, "DefaultActions", []))
	cc.unknown(a)
}
