# METADATA
# title: "RDS instance or cluster storage is not encrypted (CloudFormation)"
# description: "An AWS::RDS::DBInstance or AWS::RDS::DBCluster does not set StorageEncrypted to true."
# custom:
#   id: cfn-rds-storage-not-encrypted
#   severity: high
#   kinds: [cloudformation]
#   cwe: [311]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Unencrypted storage exposes data through snapshots and volumes."
#   remediation: "Set StorageEncrypted: true with a KmsKeyId (only possible at creation)."
#   references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbcluster.html"]
#   aliases:
#     checkov: [CKV_AWS_16, CKV_AWS_96]
#     trivy: [AVD-AWS-0080, AVD-AWS-0079]
#   examples:
#     fail:
#       - |
#         Resources:
#           Database:
#             Type: AWS::RDS::DBInstance
#             Properties:
#               Engine: postgres
#               DBInstanceClass: db.t3.micro
#               AllocatedStorage: "20"
#       - |
#         Resources:
#           Cluster:
#             Type: AWS::RDS::DBCluster
#             Properties:
#               Engine: aurora-postgresql
#               StorageEncrypted: false
#     pass:
#       - |
#         Resources:
#           Database:
#             Type: AWS::RDS::DBInstance
#             Properties:
#               Engine: postgres
#               DBInstanceClass: db.t3.micro
#               AllocatedStorage: "20"
#               MasterUsername: app
#               ManageMasterUserPassword: true
#               PubliclyAccessible: false
#               StorageEncrypted: true
#               KmsKeyId: !Ref DataKey
#       - |
#         Resources:
#           Replica:
#             Type: AWS::RDS::DBInstance
#             Properties:
#               SourceDBInstanceIdentifier: !Ref Database
#               DBInstanceClass: db.t3.micro
package rampart.cloudformation.rds_storage_not_encrypted

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"AWS::RDS::DBInstance", "AWS::RDS::DBCluster"})
	not replica_or_member(r)
	not cc.is_true(cc.get(r.values, ["StorageEncrypted"]))
	not cc.unknown(cc.get(r.values, ["StorageEncrypted"]))
	result := {"msg": sprintf("%s does not encrypt its storage", [r.address]), "resource": r.address, "attribute": "StorageEncrypted"}
}

# encryption is inherited from the source or decided by the cluster
replica_or_member(r) if not cc.blank(cc.get(r.values, ["SourceDBInstanceIdentifier"]))

replica_or_member(r) if not cc.blank(cc.get(r.values, ["DBClusterIdentifier"]))

replica_or_member(r) if not cc.blank(cc.get(r.values, ["DBSnapshotIdentifier"]))

replica_or_member(r) if not cc.blank(cc.get(r.values, ["SnapshotIdentifier"]))
