# METADATA
# title: "EC2 instance gets a public IP address"
# description: "associate_public_ip_address = true on an instance, launch template network interface or launch configuration."
# custom:
#   id: aws-ec2-public-ip
#   severity: medium
#   kinds: [terraform]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A public IP puts the instance one security-group mistake away from the internet."
#   remediation: "Keep instances in private subnets behind a load balancer or NAT; remove associate_public_ip_address."
#   references: ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html"]
#   aliases:
#     checkov: [CKV_AWS_88]
#     trivy: [AVD-AWS-0009]
#     tfsec: [aws-ec2-no-public-ip]
#   examples:
#     fail:
#       - |
#         resource "aws_instance" "web" {
#           ami           = "ami-0abcdef1234567890"
#           instance_type = "t3.micro"
#           associate_public_ip_address = true
#         }
#     pass:
#       - |
#         resource "aws_instance" "web" {
#           ami           = "ami-0abcdef1234567890"
#           instance_type = "t3.micro"
#           associate_public_ip_address = false
#         }
package rampart.aws.ec2_public_ip

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_instance", "aws_launch_configuration"})
	cc.get(r.values, ["associate_public_ip_address"]) == true
	result := {"msg": sprintf("%s gets a public IP address", [r.address]), "resource": r.address, "attribute": "associate_public_ip_address"}
}

deny contains result if {
	some r in cc.resources({"aws_launch_template"})
	some i, n in cc.arr(cc.oget(r.values, "network_interfaces", []))
	cc.oget(n, "associate_public_ip_address", false) in {true, "true"}
	result := {"msg": sprintf("%s gives instances a public IP address", [r.address]), "resource": r.address, "attribute": sprintf("network_interfaces.%d.associate_public_ip_address", [i])}
}
