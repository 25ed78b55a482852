# METADATA
# title: Container root filesystem is writable
# description: securityContext.readOnlyRootFilesystem is not true, so the process can modify the image's files.
# custom:
#   id: k8s-readonly-root-filesystem
#   severity: low
#   kinds: [kubernetes]
#   cwe: [732]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: A writable root filesystem lets an intruder drop tools, alter binaries and persist for the life of the container.
#   remediation: Set readOnlyRootFilesystem true and give the process emptyDir volumes for the few paths it writes (/tmp, caches).
#   references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"]
#   aliases:
#     checkov: [CKV_K8S_22]
#     trivy: [KSV014, AVD-KSV-0014]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               containers: [{name: api, image: "api:2"}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: api
#                   image: api:2
#                   securityContext: {readOnlyRootFilesystem: true}
#                   volumeMounts: [{name: tmp, mountPath: /tmp}]
#               volumes: [{name: tmp, emptyDir: {}}]
package rampart.kubernetes.readonly_root_filesystem

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	x.field != "ephemeralContainers"
	not k8s.sc(x.container).readOnlyRootFilesystem == true
	result := {
		"msg": sprintf("container %q of %s has a writable root filesystem", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.securityContext.readOnlyRootFilesystem", [x.path]),
	}
}
