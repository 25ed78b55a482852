# METADATA
# title: Ray dashboard listens on all interfaces
# description: A Ray head is started with --dashboard-host=0.0.0.0 (container command/args, or rayStartParams of a KubeRay RayCluster/RayJob/RayService).
# custom:
#   id: ml-ray-dashboard-all-interfaces
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [306, 1188]
#   owasp: ["A05:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: The dashboard port also serves the unauthenticated Jobs API, which runs arbitrary commands; on all interfaces it is reachable by every pod in the cluster network (and by anything a Service or port-forward exposes it to).
#   remediation: Bind the dashboard to 127.0.0.1 where possible, restrict access with a NetworkPolicy to the operators that need it, and put authentication in front of any route to it.
#   references: ["https://docs.ray.io/en/latest/ray-security/index.html", "https://docs.ray.io/en/latest/cluster/kubernetes/user-guides/config.html"]
#   examples:
#     fail:
#       - |
#         apiVersion: ray.io/v1
#         kind: RayCluster
#         metadata: {name: rc, namespace: ml}
#         spec:
#           headGroupSpec:
#             rayStartParams:
#               dashboard-host: "0.0.0.0"
#             template:
#               spec:
#                 containers: [{name: ray-head, image: "rayproject/ray:2.38.0"}]
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: ray-head, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: head
#                   image: rayproject/ray:2.38.0-gpu
#                   command: ["ray", "start", "--head", "--dashboard-host=0.0.0.0", "--block"]
#     pass:
#       - |
#         apiVersion: ray.io/v1
#         kind: RayCluster
#         metadata: {name: rc, namespace: ml}
#         spec:
#           headGroupSpec:
#             rayStartParams:
#               dashboard-host: "127.0.0.1"
#             template:
#               spec:
#                 containers: [{name: ray-head, image: "rayproject/ray:2.38.0"}]
package rampart.ml.ray_dashboard_all_interfaces

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

all_hosts(v) if v in {"0.0.0.0", "::", "[::]"}

head_params(r) := r.values.spec.headGroupSpec.rayStartParams if r.type == "RayCluster"

head_params(r) := r.values.spec.rayClusterSpec.headGroupSpec.rayStartParams if r.type == "RayJob"

head_params(r) := r.values.spec.rayClusterConfig.headGroupSpec.rayStartParams if r.type == "RayService"

head_path(r) := "spec.headGroupSpec.rayStartParams" if r.type == "RayCluster"

head_path(r) := "spec.rayClusterSpec.headGroupSpec.rayStartParams" if r.type == "RayJob"

head_path(r) := "spec.rayClusterConfig.headGroupSpec.rayStartParams" if r.type == "RayService"

deny contains result if {
	some r in input.resources
	all_hosts(head_params(r)["dashboard-host"])
	result := {
		"msg": sprintf("%s starts the Ray dashboard on all interfaces", [r.address]),
		"resource": r.address,
		"attribute": sprintf("%s.dashboard-host", [head_path(r)]),
	}
}

deny contains result if {
	some x in k8s.containers
	line := ml.cmdline(x.container)
	regex.match(`ray +start`, line)
	regex.match(`--dashboard-host[= ]+(0[.]0[.]0[.]0|::|\[::\])( |$)`, line)
	result := {
		"msg": sprintf("container %q of %s starts the Ray dashboard on all interfaces", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
