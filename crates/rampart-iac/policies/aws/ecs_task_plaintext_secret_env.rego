# METADATA
# title: "ECS task passes a secret as a plain environment variable"
# description: "A container definition's environment has a variable named like a password, token or key with a literal value."
# custom:
#   id: aws-ecs-task-plaintext-secret-env
#   severity: high
#   kinds: [terraform]
#   cwe: [798, 312]
#   owasp: ["A02:2021", "A07:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "Plain environment values are visible to anyone who can describe the task definition and are stored in Terraform state."
#   remediation: "Move the value to Secrets Manager or SSM Parameter Store and reference it through the container's secrets list (valueFrom)."
#   references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html"]
#   aliases:
#     trivy: [AVD-AWS-0036]
#     tfsec: [aws-ecs-no-plaintext-secrets]
#   examples:
#     fail:
#       - |
#         resource "aws_ecs_task_definition" "app" {
#           family = "app"
#           container_definitions = jsonencode([{ name = "app", image = "app:1.2", environment = [{ name = "DB_PASSWORD", value = "hunter2-prod" }] }])
#         }
#     pass:
#       - |
#         resource "aws_ecs_task_definition" "app" {
#           family = "app"
#           container_definitions = jsonencode([{ name = "app", image = "app:1.2", environment = [{ name = "LOG_LEVEL", value = "info" }], secrets = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db" }] }])
#         }
package rampart.aws.ecs_task_plaintext_secret_env

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_ecs_task_definition"})
	some c in containers(r)
	some e in cc.arr(cc.oget(c, "environment", []))
	cc.secret_name(cc.oget(e, "name", ""))
	cc.literal(cc.oget(e, "value", ""))
	result := {"msg": sprintf("%s sets %v as a plain environment variable", [r.address, e.name]), "resource": r.address, "attribute": "container_definitions"}
}

containers(r) := [c | some c in cc.arr(d); is_object(c)] if {
	raw := r.values.container_definitions
	is_string(raw)
	json.is_valid(raw)
	d := json.unmarshal(raw)
} else := [c | some c in cc.arr(r.values.container_definitions); is_object(c)]
