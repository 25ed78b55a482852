# METADATA
# title: "ECR repository does not scan images on push"
# description: "image_scanning_configuration.scan_on_push is not true."
# custom:
#   id: aws-ecr-scan-on-push-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [1104]
#   owasp: ["A06:2021"]
#   owasp_llm: []
#   ssdf: ["RV.1.1"]
#   rationale: "Scanning on push flags known-vulnerable packages before the image is deployed."
#   remediation: "Set image_scanning_configuration { scan_on_push = true } or configure registry-level enhanced scanning."
#   references: ["https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html"]
#   aliases:
#     checkov: [CKV_AWS_163]
#     trivy: [AVD-AWS-0030]
#     tfsec: [aws-ecr-enable-image-scans]
#   examples:
#     fail:
#       - |
#         resource "aws_ecr_repository" "app" {
#           name                 = "app"
#           image_tag_mutability = "IMMUTABLE"
#         }
#     pass:
#       - |
#         resource "aws_ecr_repository" "app" {
#           name                 = "app"
#           image_tag_mutability = "IMMUTABLE"
#           image_scanning_configuration {
#             scan_on_push = true
#           }
#         }
package rampart.aws.ecr_scan_on_push_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_ecr_repository"})
	not registry_scanning
	cc.differs(cc.get(r.values, ["image_scanning_configuration", 0, "scan_on_push"]), true, true)
	result := {"msg": sprintf("%s does not scan images on push", [r.address]), "resource": r.address, "attribute": "image_scanning_configuration"}
}

registry_scanning if cc.size(cc.resources({"aws_ecr_registry_scanning_configuration"})) > 0
