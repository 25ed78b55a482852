# METADATA
# title: "IAM policy allows minting credentials for any identity"
# description: "An IAM policy allows, on Resource \"*\", actions that create or reveal credentials of other identities (iam:CreateAccessKey, iam:CreateLoginProfile, iam:UpdateAccessKey, sts:AssumeRole, sts:GetFederationToken, redshift:GetClusterCredentials...)."
# custom:
#   id: aws-iam-policy-credentials-exposure
#   severity: high
#   kinds: [terraform]
#   cwe: [522, 269]
#   owasp: ["A01:2021", "A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Creating keys or assuming roles account-wide lets a principal become any other identity."
#   remediation: "Restrict these actions to specific user or role ARNs (for example the principal's own user via ${aws:username})."
#   references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html"]
#   aliases:
#     checkov: [CKV_AWS_107, CKV_AWS_287]
#   examples:
#     fail:
#       - |
#         data "aws_iam_policy_document" "helpdesk" {
#           statement {
#             actions   = ["iam:CreateAccessKey", "iam:ListUsers"]
#             resources = ["*"]
#           }
#         }
#     pass:
#       - |
#         data "aws_iam_policy_document" "self" {
#           statement {
#             actions   = ["iam:CreateAccessKey"]
#             resources = ["arn:aws:iam::123456789012:user/$${aws:username}"]
#           }
#         }
package rampart.aws.iam_policy_credentials_exposure

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in aws.identity_resources
	some s in aws.allows(r)
	# statements naming a Principal belong to resource policies (key, bucket, trust policies)
	cc.size(s.principals) == 0
	some action in credential_actions
	aws.grants(s, action)
	aws.any_resource(s)
	not s.conditioned
	result := {"msg": sprintf("%s allows creating or revealing credentials on every resource", [r.address]), "resource": r.address, "attribute": attr(r)}
}

attr(r) := "statement" if r.type == "aws_iam_policy_document"

attr(r) := "inline_policy" if r.type == "aws_iam_role"

attr(r) := "policy" if not r.type in {"aws_iam_policy_document", "aws_iam_role"}

credential_actions := {
	"iam:createaccesskey", "iam:updateaccesskey", "iam:createloginprofile", "iam:updateloginprofile",
	"iam:createservicespecificcredential", "iam:resetservicespecificcredential", "sts:assumerole",
	"sts:getfederationtoken", "redshift:getclustercredentials", "sso:getrolecredentials",
	"cognito-identity:getcredentialsforidentity", "lightsail:getinstanceaccessdetails",
}
