# METADATA
# title: Service account token is mounted into the pod
# description: The pod spec does not set automountServiceAccountToken false, so a Kubernetes API token is mounted into every container.
# custom:
#   id: k8s-automount-service-account-token
#   severity: low
#   kinds: [kubernetes]
#   cwe: [522]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Most applications never call the Kubernetes API; a mounted token only gives an intruder credentials to explore and attack the cluster with the pod's RBAC rights.
#   remediation: Set automountServiceAccountToken false in the pod spec (or on the ServiceAccount) and mount a projected token only in workloads that need the API.
#   references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting"]
#   aliases:
#     checkov: [CKV_K8S_38]
#     trivy: [KSV036, AVD-KSV-0036]
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
#               automountServiceAccountToken: false
#               containers: [{name: api, image: "api:2"}]
package rampart.kubernetes.automount_service_account_token

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some p in k8s.pods
	r := p.resource
	not p.spec.automountServiceAccountToken == false
	result := {
		"msg": sprintf("%s mounts a service account token (automountServiceAccountToken is not false)", [r.address]),
		"resource": r.address,
		"attribute": sprintf("%s.automountServiceAccountToken", [p.path]),
	}
}
