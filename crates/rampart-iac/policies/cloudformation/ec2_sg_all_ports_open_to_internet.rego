# METADATA
# title: "Security group opens every port to the internet (CloudFormation)"
# description: "A security group ingress rule allows IpProtocol -1 (all) or ports 0-65535 from 0.0.0.0/0 or ::/0."
# custom:
#   id: cfn-ec2-sg-all-ports-open-to-internet
#   severity: critical
#   kinds: [cloudformation]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Every service on the instance is exposed to the internet."
#   remediation: "Allow only the required ports from the required sources."
#   references: ["https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"]
#   examples:
#     fail:
#       - |
#         Resources:
#           OpenSG:
#             Type: AWS::EC2::SecurityGroup
#             Properties:
#               GroupDescription: open
#               SecurityGroupIngress:
#                 - IpProtocol: "-1"
#                   CidrIp: 0.0.0.0/0
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
#                   FromPort: 443
#                   ToPort: 443
#                   CidrIp: 0.0.0.0/0
#                   Description: admin
#       - |
#         Resources:
#           InternalSG:
#             Type: AWS::EC2::SecurityGroup
#             Properties:
#               GroupDescription: internal
#               SecurityGroupIngress:
#                 - IpProtocol: "-1"
#                   CidrIp: 10.0.0.0/8
package rampart.cloudformation.ec2_sg_all_ports_open_to_internet

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some rule in aws.cfn_world_ingress
	cc.all_ports(rule.protocol, rule.from, rule.to)
	result := {"msg": sprintf("%s allows every port from the internet", [rule.resource.address]), "resource": rule.resource.address, "attribute": rule.attribute}
}
