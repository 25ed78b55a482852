# METADATA
# title: "Security group opens SSH to the internet (CloudFormation)"
# description: "An AWS::EC2::SecurityGroup or AWS::EC2::SecurityGroupIngress allows SSH (port 22) from 0.0.0.0/0 or ::/0."
# custom:
#   id: cfn-ec2-sg-ssh-open-to-internet
#   severity: high
#   kinds: [cloudformation]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Internet-facing SSH is scanned and brute-forced continuously."
#   remediation: "Allow the port only from known ranges or security groups, or use Session Manager instead of open admin ports."
#   references: ["https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html"]
#   aliases:
#     checkov: [CKV_AWS_24]
#     trivy: [AVD-AWS-0107]
#   examples:
#     fail:
#       - |
#         Resources:
#           WebSG:
#             Type: AWS::EC2::SecurityGroup
#             Properties:
#               GroupDescription: web tier
#               VpcId: !Ref Vpc
#               SecurityGroupIngress:
#                 - IpProtocol: tcp
#                   FromPort: 22
#                   ToPort: 22
#                   CidrIp: 0.0.0.0/0
#                   Description: admin
#       - |
#         Resources:
#           AdminIngress:
#             Type: AWS::EC2::SecurityGroupIngress
#             Properties:
#               GroupId: !GetAtt WebSG.GroupId
#               IpProtocol: tcp
#               FromPort: 22
#               ToPort: 22
#               CidrIpv6: ::/0
#     pass:
#       - |
#         Resources:
#           WebSG:
#             Type: AWS::EC2::SecurityGroup
#             Properties:
#               GroupDescription: web tier
#               VpcId: !Ref Vpc
#               SecurityGroupIngress:
#                 - IpProtocol: tcp
#                   FromPort: 22
#                   ToPort: 22
#                   CidrIp: 10.0.0.0/8
#                   Description: admin
#       - |
#         Resources:
#           WebSG:
#             Type: AWS::EC2::SecurityGroup
#             Properties:
#               GroupDescription: web tier
#               VpcId: !Ref Vpc
#               SecurityGroupIngress:
#                 - IpProtocol: tcp
#                   FromPort: 443
#                   ToPort: 443
#                   CidrIp: 0.0.0.0/0
#                   Description: admin
package rampart.cloudformation.ec2_sg_ssh_open_to_internet

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some rule in aws.cfn_world_ingress
	aws.reaches(rule, 22)
	not cc.all_ports(rule.protocol, rule.from, rule.to)
	result := {"msg": sprintf("%s allows SSH (port 22) from the internet", [rule.resource.address]), "resource": rule.resource.address, "attribute": rule.attribute}
}
