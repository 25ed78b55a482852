# METADATA
# title: "S3 bucket server access logging is not enabled"
# description: "Neither an inline logging block nor a separate aws_s3_bucket_logging resource sends the bucket's access logs anywhere."
# custom:
#   id: aws-s3-bucket-access-logging-disabled
#   severity: low
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Access logs are how you find out who read or changed objects after an incident."
#   remediation: "Add an aws_s3_bucket_logging resource with a target_bucket (a separate log bucket)."
#   references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html"]
#   aliases:
#     checkov: [CKV_AWS_18]
#     trivy: [AVD-AWS-0089]
#     tfsec: [aws-s3-enable-logging]
#   examples:
#     fail:
#       - |
#         resource "aws_s3_bucket" "data" {
#           bucket = "corp-data"
#         }
#     pass:
#       - |
#         resource "aws_s3_bucket" "data" {
#           bucket = "corp-data"
#         }
#
#         resource "aws_s3_bucket_logging" "data" {
#           bucket        = aws_s3_bucket.data.id
#           target_bucket = "corp-access-logs"
#           target_prefix = "data/"
#         }
package rampart.aws.s3_bucket_access_logging_disabled

import data.rampart.lib.cloud_aws as aws
import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some b in cc.resources({"aws_s3_bucket"})
	cc.blank(cc.get(b.values, ["logging"]))
	cc.size(aws.attached(b, "aws_s3_bucket_logging")) == 0
	not is_log_target(b)
	result := {"msg": sprintf("S3 bucket %s has no server access logging", [b.address]), "resource": b.address}
}

# the bucket that receives other buckets' logs is not required to log itself
is_log_target(b) if {
	some l in cc.resources({"aws_s3_bucket_logging"})
	t := cc.oget(l.values, "target_bucket", "")
	t == cc.oget(b.values, "bucket", null)
}

is_log_target(b) if {
	some l in cc.resources({"aws_s3_bucket_logging"})
	b.address in l.references
	t := cc.oget(l.values, "target_bucket", "")
	cc.has_sub(t, sprintf("%s.", [cc.local_address(b.address, "aws_s3_bucket")]))
}

# a logging resource of another module names it (the source bucket is always in the same module)
is_log_target(b) if {
	some l in cc.resources({"aws_s3_bucket_logging"})
	b.address in l.references
	split(b.address, "aws_s3_bucket.")[0] != split(l.address, "aws_s3_bucket_logging.")[0]
}

# inline logging blocks of other buckets name it as their target
is_log_target(b) if {
	some other in cc.resources({"aws_s3_bucket"})
	b.address in other.references
	some lg in cc.arr(cc.oget(other.values, "logging", []))
	cc.has_sub(cc.oget(lg, "target_bucket", ""), sprintf("%s.", [cc.local_address(b.address, "aws_s3_bucket")]))
}
