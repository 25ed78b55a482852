# METADATA
# title: AppArmor is explicitly disabled
# description: The container's AppArmor profile is unconfined (securityContext.appArmorProfile.type Unconfined or the container.apparmor.security.beta.kubernetes.io annotation).
# custom:
#   id: k8s-apparmor-unconfined
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [693]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: The runtime's default AppArmor profile blocks writes to /proc and /sys and mount operations that container escapes rely on; the baseline Pod Security Standard forbids turning it off.
#   remediation: Remove the override or use RuntimeDefault (annotation value runtime/default) or a Localhost profile.
#   references: ["https://kubernetes.io/docs/tutorials/security/apparmor/", "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"]
#   aliases:
#     trivy: [KSV002, AVD-KSV-0002]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             metadata:
#               annotations: {container.apparmor.security.beta.kubernetes.io/api: unconfined}
#             spec:
#               containers: [{name: api, image: "api:2"}]
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: p, namespace: a}
#         spec:
#           securityContext: {appArmorProfile: {type: Unconfined}}
#           containers: [{name: c, image: "app:1"}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: a}
#         spec:
#           template:
#             metadata:
#               annotations: {container.apparmor.security.beta.kubernetes.io/api: runtime/default}
#             spec:
#               containers: [{name: api, image: "api:2"}]
package rampart.kubernetes.apparmor_unconfined

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	key := concat("/", ["container.apparmor.security.beta.kubernetes.io", x.container.name])
	k8s.pod_annotations(x.pod)[key] == "unconfined"
	result := {
		"msg": sprintf("container %q of %s disables AppArmor by annotation", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": k8s.pod_annotations_path(x.pod),
	}
}

deny contains result if {
	some x in k8s.containers
	k8s.effective(x, "appArmorProfile").type == "Unconfined"
	result := {
		"msg": sprintf("container %q of %s runs with AppArmor Unconfined", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": k8s.effective_path(x, "appArmorProfile"),
	}
}
