# METADATA
# title: GPU workload runs privileged
# description: A workload that requests GPUs (nvidia.com/gpu or other accelerator resources, an NVIDIA runtime class, NVIDIA_VISIBLE_DEVICES) runs a privileged container.
# custom:
#   id: ml-gpu-privileged
#   severity: critical
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Privileged mode is a common shortcut to reach GPU devices, but it gives the container every device and capability on the node; a compromised model server, notebook or malicious model file (pickle) then owns the GPU node and the data and credentials of every job on it.
#   remediation: Request GPUs through the device plugin (resources.limits nvidia.com/gpu) and drop privileged; the NVIDIA GPU Operator and container toolkit inject the devices without it.
#   references: ["https://docs.nvidia.com/datacenter/cloud-native/gpu-operator/latest/index.html", "https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/"]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: trainer, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: train
#                   image: nvcr.io/nvidia/pytorch:24.08-py3
#                   securityContext: {privileged: true}
#                   resources:
#                     limits: {nvidia.com/gpu: 1}
#       - |
#         apiVersion: ray.io/v1
#         kind: RayCluster
#         metadata: {name: rc, namespace: ml}
#         spec:
#           headGroupSpec:
#             rayStartParams: {}
#             template:
#               spec:
#                 containers: [{name: ray-head, image: "rayproject/ray:2.38.0"}]
#           workerGroupSpecs:
#             - groupName: gpu
#               rayStartParams: {}
#               template:
#                 spec:
#                   containers:
#                     - name: worker
#                       image: rayproject/ray:2.38.0-gpu
#                       securityContext: {privileged: true}
#                       resources:
#                         limits: {nvidia.com/gpu: 1}
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: trainer, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: train
#                   image: nvcr.io/nvidia/pytorch:24.08-py3
#                   securityContext: {privileged: false, allowPrivilegeEscalation: false}
#                   resources:
#                     limits: {nvidia.com/gpu: 1}
package rampart.ml.gpu_privileged

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	ml.gpu_pod(x.pod)
	k8s.sc(x.container).privileged == true
	r := x.resource
	result := {
		"msg": sprintf("GPU workload %s runs container %q privileged", [r.address, x.container.name]),
		"resource": r.address,
		"attribute": sprintf("%s.securityContext.privileged", [x.path]),
	}
}
