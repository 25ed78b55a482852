# METADATA
# title: "EC2 user data contains credentials"
# description: "user_data (or a launch template's user_data) contains an AWS access key id or a password/secret/token assignment with a literal value."
# custom:
#   id: aws-ec2-user-data-secret
#   severity: critical
#   kinds: [terraform]
#   cwe: [798]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "User data is readable by anyone who can describe the instance and from inside it through the metadata service; it is not a secret store."
#   remediation: "Give the instance an IAM role and fetch secrets from Secrets Manager or SSM Parameter Store at boot."
#   references: ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html"]
#   aliases:
#     checkov: [CKV_AWS_46]
#     trivy: [AVD-AWS-0029]
#     tfsec: [aws-ec2-no-secrets-in-user-data]
#   examples:
#     fail:
#       - |
#         resource "aws_instance" "web" {
#           ami           = "ami-0abcdef1234567890"
#           instance_type = "t3.micro"
#           user_data = <<EOF
#           #!/bin/bash
#           export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
#           export DB_PASSWORD=Sup3rSecret!
#           EOF
#         }
#     pass:
#       - |
#         resource "aws_instance" "web" {
#           ami           = "ami-0abcdef1234567890"
#           instance_type = "t3.micro"
#           user_data = <<EOF
#           #!/bin/bash
#           DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)
#           EOF
#         }
package rampart.aws.ec2_user_data_secret

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_instance", "aws_launch_template", "aws_launch_configuration"})
	ud := cc.oget(r.values, "user_data", "")
	is_string(ud)
	leaks(ud)
	result := {"msg": sprintf("%s has credentials in its user data", [r.address]), "resource": r.address, "attribute": "user_data"}
}

leaks(ud) if cc.matches(`(^|[^A-Z0-9])(AKIA|ASIA)[0-9A-Z]{16}([^A-Z0-9]|$)`, ud)

leaks(ud) if cc.matches(`(password|passwd|secret|token|api_?key)[a-z0-9_]*[ 	]*[=:][ 	]*["']?[^ 	
"'$(][^ 	
"']{5,}`, cc.lower_s(ud))
