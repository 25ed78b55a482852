# METADATA
# title: Pod sets custom SELinux user, role or type
# description: seLinuxOptions sets a user or role, or a type other than the container types the baseline Pod Security Standard permits (container_t, container_init_t, container_kvm_t, container_engine_t).
# custom:
#   id: k8s-selinux-custom-options
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [693]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: A custom SELinux type such as spc_t (super-privileged container) or unconfined_t removes the mandatory access control that confines the container on SELinux nodes.
#   remediation: Remove seLinuxOptions user, role and type (level may stay) or use one of the container types.
#   references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"]
#   aliases:
#     trivy: [KSV025, AVD-KSV-0025]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           securityContext:
#             seLinuxOptions: {type: spc_t}
#           containers: [{name: c, image: "app:1"}]
#     pass:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           securityContext:
#             seLinuxOptions: {level: "s0:c123,c456", type: container_t}
#           containers: [{name: c, image: "app:1"}]
package rampart.kubernetes.selinux_custom_options

import data.rampart.lib.k8s_workload as k8s
import rego.v1

allowed_types := {"container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

bad(opts) := sprintf("type %q", [opts.type]) if {
	opts.type
	not opts.type in allowed_types
} else := "user" if {
	opts.user
} else := "role" if {
	opts.role
}

deny contains result if {
	some p in k8s.pods
	r := p.resource
	reason := bad(k8s.sc(p.spec).seLinuxOptions)
	result := {
		"msg": sprintf("%s sets SELinux %s", [r.address, reason]),
		"resource": r.address,
		"attribute": sprintf("%s.securityContext.seLinuxOptions", [p.path]),
	}
}

deny contains result if {
	some x in k8s.containers
	reason := bad(k8s.sc(x.container).seLinuxOptions)
	result := {
		"msg": sprintf("container %q of %s sets SELinux %s", [x.container.name, x.resource.address, reason]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.securityContext.seLinuxOptions", [x.path]),
	}
}
