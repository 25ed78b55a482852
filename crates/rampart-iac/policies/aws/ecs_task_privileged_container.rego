# METADATA
# title: "ECS task runs a privileged container"
# description: "A container definition sets privileged = true, giving it root on the host."
# custom:
#   id: aws-ecs-task-privileged-container
#   severity: high
#   kinds: [terraform]
#   cwe: [250, 269]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: "A privileged container can escape to the host and reach every other task on the instance."
#   remediation: "Remove privileged; add only the Linux capabilities the container needs."
#   references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security"]
#   aliases:
#     checkov: [CKV_AWS_334]
#   examples:
#     fail:
#       - |
#         resource "aws_ecs_task_definition" "app" {
#           family = "app"
#           container_definitions = jsonencode([{ name = "app", image = "nginx:1.27", privileged = true }])
#         }
#     pass:
#       - |
#         resource "aws_ecs_task_definition" "app" {
#           family = "app"
#           container_definitions = jsonencode([{ name = "app", image = "nginx:1.27", privileged = false, readonlyRootFilesystem = true }])
#         }
package rampart.aws.ecs_task_privileged_container

import data.rampart.lib.cloud_common as cc
import rego.v1

deny contains result if {
	some r in cc.resources({"aws_ecs_task_definition"})
	some c in containers(r)
	cc.oget(c, "privileged", false) == true
	result := {"msg": sprintf("%s runs container %v privileged", [r.address, cc.oget(c, "name", "?")]), "resource": r.address, "attribute": "container_definitions"}
}

containers(r) := [c | some c in cc.arr(d); is_object(c)] if {
	raw := r.values.container_definitions
	is_string(raw)
	json.is_valid(raw)
	d := json.unmarshal(raw)
} else := [c | some c in cc.arr(r.values.container_definitions); is_object(c)]
