# METADATA
# title: Windows pod runs as a HostProcess container
# description: securityContext.windowsOptions.hostProcess is true, so the container runs directly on the Windows node as a host process.
# custom:
#   id: k8s-windows-host-process
#   severity: high
#   kinds: [kubernetes]
#   cwe: [250, 653]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: HostProcess containers have the node's network, filesystem and, typically, SYSTEM privileges; they are the Windows equivalent of a privileged pod.
#   remediation: Remove hostProcess unless the workload is a reviewed node agent in a namespace exempted from the baseline Pod Security Standard.
#   references: ["https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/", "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"]
#   aliases:
#     trivy: [KSV103, AVD-KSV-0103]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: win-agent, namespace: ops}
#         spec:
#           template:
#             spec:
#               securityContext:
#                 windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\SYSTEM"}
#               hostNetwork: true
#               containers: [{name: a, image: "agent:1"}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: DaemonSet
#         metadata: {name: win-agent, namespace: ops}
#         spec:
#           template:
#             spec:
#               securityContext:
#                 windowsOptions: {runAsUserName: "ContainerUser"}
#               containers: [{name: a, image: "agent:1"}]
package rampart.kubernetes.windows_host_process

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	k8s.effective(x, "windowsOptions").hostProcess == true
	result := {
		"msg": sprintf("container %q of %s runs as a Windows HostProcess container", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": k8s.effective_path(x, "windowsOptions"),
	}
}
