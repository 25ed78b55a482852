# METADATA
# title: Role can create pods or pod controllers
# description: A Role or ClusterRole grants create (or update/patch) on pods, deployments, daemonsets, statefulsets, replicasets, jobs or cronjobs.
# custom:
#   id: k8s-rbac-workload-create
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Whoever can create a pod in a namespace can run it as any service account there and mount any Secret of the namespace, so this permission implies all of them (and node access where Pod Security is not enforced).
#   remediation: Grant workload creation only to deployment identities (CI/CD, GitOps controllers), restrict the namespaces, and enforce Pod Security admission where it is granted.
#   references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation"]
#   aliases:
#     trivy: [KSV048, AVD-KSV-0048]
#   examples:
#     fail:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: Role
#         metadata: {name: runner, namespace: ci}
#         rules:
#           - apiGroups: [""]
#             resources: [pods]
#             verbs: [create, delete]
#     pass:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: Role
#         metadata: {name: viewer, namespace: ci}
#         rules:
#           - apiGroups: ["", "apps"]
#             resources: [pods, deployments]
#             verbs: [get, list, watch]
package rampart.kubernetes.rbac_workload_create

import data.rampart.lib.k8s_rbac as rbac
import rego.v1

workload_resources := {"pods", "deployments", "daemonsets", "statefulsets", "replicasets", "replicationcontrollers", "jobs", "cronjobs", "*"}

deny contains result if {
	some x in rbac.rules
	some v in rbac.verbs(x.rule)
	v in {"create", "update", "patch", "*"}
	some res in rbac.resources(x.rule)
	res in workload_resources
	some g in object.get(x.rule, "apiGroups", [""])
	g in {"", "apps", "batch", "*"}
	result := {
		"msg": sprintf("%s can %s %s", [x.resource.address, v, res]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
