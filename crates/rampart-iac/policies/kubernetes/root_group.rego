# METADATA
# title: Pod runs with the root group
# description: runAsGroup, fsGroup or supplementalGroups is set to GID 0.
# custom:
#   id: k8s-root-group
#   severity: low
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Group 0 owns many root-writable files on images and hosts; a process in it can modify them even as a non-root user.
#   remediation: Use a non-zero runAsGroup and fsGroup and remove 0 from supplementalGroups.
#   references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"]
#   aliases:
#     trivy: [KSV116, AVD-KSV-0116]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               securityContext: {runAsUser: 10001, fsGroup: 0}
#               containers: [{name: api, image: "api:2"}]
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           containers:
#             - name: c
#               image: app:1
#               securityContext: {runAsGroup: 0}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               securityContext: {runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, supplementalGroups: [2000]}
#               containers: [{name: api, image: "api:2"}]
package rampart.kubernetes.root_group

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some p in k8s.pods
	r := p.resource
	some field in ["runAsGroup", "fsGroup"]
	k8s.sc(p.spec)[field] == 0
	result := {
		"msg": sprintf("%s sets pod %s to 0", [r.address, field]),
		"resource": r.address,
		"attribute": sprintf("%s.securityContext.%s", [p.path, field]),
	}
}

deny contains result if {
	some p in k8s.pods
	r := p.resource
	some g in k8s.sc(p.spec).supplementalGroups
	g == 0
	result := {
		"msg": sprintf("%s adds supplemental group 0", [r.address]),
		"resource": r.address,
		"attribute": sprintf("%s.securityContext.supplementalGroups", [p.path]),
	}
}

deny contains result if {
	some x in k8s.containers
	k8s.sc(x.container).runAsGroup == 0
	result := {
		"msg": sprintf("container %q of %s sets runAsGroup 0", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.securityContext.runAsGroup", [x.path]),
	}
}
