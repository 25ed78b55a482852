# METADATA
# title: "GuardDuty detector is disabled"
# description: "The GuardDuty detector sets enable = false."
# custom:
#   id: aws-guardduty-detector-disabled
#   severity: medium
#   kinds: [terraform]
#   cwe: [778]
#   owasp: ["A09:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "GuardDuty is the managed threat detection for credential misuse, crypto-mining and reconnaissance; a disabled detector reports nothing."
#   remediation: "Set enable = true (the default)."
#   references: ["https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html"]
#   aliases:
#     checkov: [CKV_AWS_238]
#   examples:
#     fail:
#       - |
#         resource "aws_guardduty_detector" "main" {
#           enable = false
#         }
#     pass:
#       - |
#         resource "aws_guardduty_detector" "main" {
#           enable = true
#         }
package rampart.aws.guardduty_detector_disabled

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_guardduty_detector"})
	v := cc.get(r.values, ["enable"])
	cc.differs(v, true, false)
	result := {"msg": sprintf("%s is disabled", [r.address]), "resource": r.address, "attribute": "enable"}
}
