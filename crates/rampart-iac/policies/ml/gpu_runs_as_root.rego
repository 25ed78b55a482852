# METADATA
# title: GPU workload may run as root
# description: A container of a GPU workload is not required to run as non-root (no runAsNonRoot true and no non-zero runAsUser).
# custom:
#   id: ml-gpu-runs-as-root
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: ML images (CUDA, PyTorch, Jupyter) default to root; model files can carry code (pickle) and GPU drivers are a large kernel attack surface, so a root process on a GPU node is a short path to the node.
#   remediation: Set runAsNonRoot true and a non-zero runAsUser in the pod securityContext; GPU access does not need root with the device plugin.
#   references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/", "https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/index.html"]
#   examples:
#     fail:
#       - |
#         apiVersion: batch/v1
#         kind: Job
#         metadata: {name: finetune, namespace: ml}
#         spec:
#           template:
#             spec:
#               restartPolicy: Never
#               containers:
#                 - name: train
#                   image: pytorch/pytorch:2.4.1-cuda12.4-cudnn9-runtime
#                   resources:
#                     limits: {nvidia.com/gpu: 4}
#       - |
#         apiVersion: kubeflow.org/v1
#         kind: PyTorchJob
#         metadata: {name: ddp, namespace: ml}
#         spec:
#           pytorchReplicaSpecs:
#             Master:
#               replicas: 1
#               template:
#                 spec:
#                   containers:
#                     - name: pytorch
#                       image: pytorch/pytorch:2.4.1-cuda12.4-cudnn9-runtime
#                       resources:
#                         limits: {nvidia.com/gpu: 1}
#     pass:
#       - |
#         apiVersion: batch/v1
#         kind: Job
#         metadata: {name: finetune, namespace: ml}
#         spec:
#           template:
#             spec:
#               restartPolicy: Never
#               securityContext: {runAsNonRoot: true, runAsUser: 10001}
#               containers:
#                 - name: train
#                   image: pytorch/pytorch:2.4.1-cuda12.4-cudnn9-runtime
#                   resources:
#                     limits: {nvidia.com/gpu: 4}
package rampart.ml.gpu_runs_as_root

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

non_root(x) if k8s.effective(x, "runAsNonRoot") == true

non_root(x) if {
	uid := k8s.effective(x, "runAsUser")
	is_number(uid)
	uid > 0
}

deny contains result if {
	some x in k8s.containers
	ml.gpu_pod(x.pod)
	not non_root(x)
	result := {
		"msg": sprintf("container %q of GPU workload %s may run as root", [x.container.name, x.resource.address]),
		"resource": x.resource.address,
		"attribute": k8s.effective_path(x, "runAsNonRoot"),
	}
}
