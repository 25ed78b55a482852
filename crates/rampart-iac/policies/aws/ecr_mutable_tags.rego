# METADATA
# title: "ECR repository allows tags to be overwritten"
# description: "image_tag_mutability is MUTABLE (the default)."
# custom:
#   id: aws-ecr-mutable-tags
#   severity: medium
#   kinds: [terraform]
#   cwe: [345, 494]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PS.2.1"]
#   rationale: "With mutable tags, anyone who can push can silently replace the image a deployment pulls by tag."
#   remediation: "Set image_tag_mutability = \"IMMUTABLE\" and deploy by digest."
#   references: ["https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html"]
#   aliases:
#     checkov: [CKV_AWS_51]
#     trivy: [AVD-AWS-0031]
#     tfsec: [aws-ecr-enforce-immutable-repository]
#   examples:
#     fail:
#       - |
#         resource "aws_ecr_repository" "app" {
#           name = "app"
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
package rampart.aws.ecr_mutable_tags

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_ecr_repository"})
	v := cc.oget(r.values, "image_tag_mutability", "MUTABLE")
	not cc.unknown(v)
	not cc.starts(v, "IMMUTABLE")
	result := {"msg": sprintf("%s allows image tags to be overwritten", [r.address]), "resource": r.address, "attribute": "image_tag_mutability"}
}
