# METADATA
# title: Container may gain more privileges than its parent process
# description: allowPrivilegeEscalation is not set to false, so setuid binaries and file capabilities inside the image can raise a process's privileges (no_new_privs is not set).
# custom:
#   id: k8s-allow-privilege-escalation
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [269]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Without no_new_privs an attacker who gets code execution as an unprivileged user can escalate through a setuid binary; the restricted Pod Security Standard requires false.
#   remediation: Set securityContext.allowPrivilegeEscalation to false on every container.
#   references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted", "https://www.kernel.org/doc/html/latest/userspace-api/no_new_privs.html"]
#   aliases:
#     checkov: [CKV_K8S_20]
#     trivy: [KSV001, AVD-KSV-0001]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: StatefulSet
#         metadata: {name: db, namespace: data}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: db
#                   image: postgres:16
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           containers:
#             - name: c
#               image: app:1
#               securityContext: {allowPrivilegeEscalation: true}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: StatefulSet
#         metadata: {name: db, namespace: data}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: db
#                   image: postgres:16
#                   securityContext: {allowPrivilegeEscalation: false}
package rampart.kubernetes.allow_privilege_escalation

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	not k8s.sc(x.container).allowPrivilegeEscalation == false
	result := {
		"msg": sprintf("container %q of %s does not set allowPrivilegeEscalation: false", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.securityContext.allowPrivilegeEscalation", [x.path]),
	}
}
