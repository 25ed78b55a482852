# METADATA
# title: Pod uses the deprecated gitRepo volume
# description: A pod spec declares a gitRepo volume, which makes the kubelet run git on the node to clone a repository.
# custom:
#   id: k8s-gitrepo-volume
#   severity: high
#   kinds: [kubernetes]
#   cwe: [78, 1104]
#   owasp: ["A06:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.4", "PW.9.1"]
#   rationale: gitRepo is deprecated and runs git as root on the node with attacker-influenced arguments; it has repeatedly enabled command execution on nodes (CVE-2018-11235, CVE-2024-10220).
#   remediation: Clone the repository in an init container into an emptyDir volume, or use git-sync as a sidecar.
#   references: ["https://kubernetes.io/docs/concepts/storage/volumes/#gitrepo", "https://nvd.nist.gov/vuln/detail/CVE-2024-10220"]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: site, namespace: web}
#         spec:
#           containers: [{name: nginx, image: "nginx:1.27"}]
#           volumes:
#             - name: content
#               gitRepo:
#                 repository: https://github.com/example/site.git
#                 revision: main
#     pass:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: site, namespace: web}
#         spec:
#           initContainers:
#             - name: clone
#               image: alpine/git:2.45.2
#               args: [clone, --depth=1, "https://github.com/example/site.git", /work]
#               volumeMounts: [{name: content, mountPath: /work}]
#           containers: [{name: nginx, image: "nginx:1.27"}]
#           volumes:
#             - name: content
#               emptyDir: {}
package rampart.kubernetes.gitrepo_volume

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some p in k8s.pods
	r := p.resource
	some i, v in p.spec.volumes
	v.gitRepo
	result := {
		"msg": sprintf("%s uses the deprecated gitRepo volume %q", [r.address, v.name]),
		"resource": r.address,
		"attribute": sprintf("%s.volumes.%d.gitRepo", [p.path, i]),
	}
}
