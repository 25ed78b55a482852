# METADATA
# title: Pod mounts a hostPath volume
# description: A hostPath volume exposes a file or directory of the node's filesystem inside the pod.
# custom:
#   id: k8s-hostpath-volume
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [668]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Node files outlive the pod and are shared with the kubelet and other pods; a writable hostPath is a common container-escape path and even read-only ones leak node data.
#   remediation: Use emptyDir, a ConfigMap/Secret, a projected volume or a PersistentVolumeClaim instead; if a node agent really needs host files, mount the narrowest path read-only.
#   references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath", "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"]
#   aliases:
#     trivy: [KSV023, AVD-KSV-0023]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: logs, namespace: ops}
#         spec:
#           template:
#             spec:
#               containers: [{name: c, image: "fluent-bit:3.0"}]
#               volumes:
#                 - name: varlog
#                   hostPath: {path: /var/log}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: logs, namespace: ops}
#         spec:
#           template:
#             spec:
#               containers: [{name: c, image: "fluent-bit:3.0"}]
#               volumes:
#                 - name: scratch
#                   emptyDir: {}
package rampart.kubernetes.hostpath_volume

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some p in k8s.pods
	r := p.resource
	some i, v in p.spec.volumes
	v.hostPath
	result := {
		"msg": sprintf("%s mounts host path %q (volume %q)", [r.address, object.get(v.hostPath, "path", ""), v.name]),
		"resource": r.address,
		"attribute": sprintf("%s.volumes.%d.hostPath.path", [p.path, i]),
	}
}
