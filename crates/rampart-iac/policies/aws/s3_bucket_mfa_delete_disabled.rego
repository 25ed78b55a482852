# METADATA
# title: "S3 bucket versioning does not require MFA delete"
# description: "Versioning is configured on the bucket but MFA delete is not enabled, so a single set of credentials can permanently delete object versions or suspend versioning."
# custom:
#   id: aws-s3-bucket-mfa-delete-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [308]
#   owasp: ["A07:2021"]
#   owasp_llm: []
#   ssdf: ["PS.3.1"]
#   rationale: "MFA delete protects the version history that versioning is meant to preserve against stolen keys."
#   remediation: "Set versioning_configuration mfa_delete = \"Enabled\" (requires the root account's MFA device when applying)."
#   references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html"]
#   aliases:
#     trivy: [AVD-AWS-0170]
#     tfsec: [aws-s3-require-mfa-delete]
#   examples:
#     fail:
#       - |
#         resource "aws_s3_bucket_versioning" "data" {
#           bucket = "corp-data"
#           versioning_configuration {
#             status = "Enabled"
#           }
#         }
#     pass:
#       - |
#         resource "aws_s3_bucket_versioning" "data" {
#           bucket = "corp-data"
#           mfa    = "arn:aws:iam::123456789012:mfa/root-account-mfa-device 123456"
#           versioning_configuration {
#             status     = "Enabled"
#             mfa_delete = "Enabled"
#           }
#         }
package rampart.aws.s3_bucket_mfa_delete_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some v in cc.resources({"aws_s3_bucket_versioning"})
	m := cc.get(v.values, ["versioning_configuration", 0, "mfa_delete"])
	cc.differs(m, "Enabled", true)
	result := {"msg": sprintf("%s does not enable MFA delete", [v.address]), "resource": v.address, "attribute": "versioning_configuration.0.mfa_delete"}
}

deny contains result if {
	some b in cc.resources({"aws_s3_bucket"})
	some i, v in cc.arr(cc.oget(b.values, "versioning", []))
	v.enabled == true
	cc.differs(cc.oget(v, "mfa_delete", null), true, true)
	result := {"msg": sprintf("S3 bucket %s enables versioning without MFA delete", [b.address]), "resource": b.address, "attribute": sprintf("versioning.%d.mfa_delete", [i])}
}
