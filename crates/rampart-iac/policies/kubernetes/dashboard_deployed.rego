# METADATA
# title: Kubernetes Dashboard is deployed
# description: A workload runs the Kubernetes Dashboard (image kubernetesui/dashboard or label k8s-app=kubernetes-dashboard).
# custom:
#   id: k8s-dashboard-deployed
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [306, 668]
#   owasp: ["A05:2021", "A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: The Dashboard is a frequent target - exposed instances with permissive service accounts (or skip-login) have handed attackers full cluster control, as in the 2018 Tesla cryptojacking incident.
#   remediation: Prefer kubectl or a managed console; if the Dashboard is needed, keep it internal, require login with per-user tokens and give its service account no extra rights.
#   references: ["https://kubernetes.io/docs/tasks/access-application-cluster/web-ui-dashboard/", "https://github.com/kubernetes/dashboard/blob/master/docs/user/access-control/README.md"]
#   aliases:
#     checkov: [CKV_K8S_33]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata:
#           name: kubernetes-dashboard
#           namespace: kubernetes-dashboard
#           labels: {k8s-app: kubernetes-dashboard}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: kubernetes-dashboard
#                   image: kubernetesui/dashboard:v2.7.0
#                   args: [--auto-generate-certificates]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: grafana, namespace: monitoring, labels: {app: grafana}}
#         spec:
#           template:
#             spec:
#               containers: [{name: grafana, image: "grafana/grafana:11.2.0"}]
package rampart.kubernetes.dashboard_deployed

import data.rampart.lib.k8s_workload as k8s
import rego.v1

dashboard(r) if {
	some x in k8s.containers
	x.resource.address == r.address
	is_string(x.container.image)
	name := lower(k8s.image_ref(x.container.image).name)
	some repo in {"kubernetesui/dashboard", "kubernetes-dashboard"}
	contains(name, repo)
}

dashboard(r) if object.get(r.values.metadata, "labels", {})["k8s-app"] == "kubernetes-dashboard"

deny contains result if {
	some r in k8s.workloads
	dashboard(r)
	result := {
		"msg": sprintf("%s deploys the Kubernetes Dashboard", [r.address]),
		"resource": r.address,
		"attribute": "metadata",
	}
}
