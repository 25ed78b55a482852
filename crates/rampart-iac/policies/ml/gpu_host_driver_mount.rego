# METADATA
# title: Workload mounts host GPU devices or driver files
# description: A hostPath volume mounts NVIDIA device nodes (/dev/nvidia*, /dev/dri), driver directories (/usr/local/nvidia, /run/nvidia, /var/lib/nvidia*) or the host's system library directories.
# custom:
#   id: ml-gpu-host-driver-mount
#   severity: high
#   kinds: [kubernetes]
#   cwe: [668, 250]
#   owasp: ["A05:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Mounting host driver files bypasses the device plugin's isolation and accounting, exposes every GPU on the node (and other tenants' GPU memory) and - when writable - lets the pod replace driver libraries that every GPU job on the node loads.
#   remediation: Request GPUs with resources.limits (nvidia.com/gpu) and let the NVIDIA container toolkit/CDI inject devices and libraries; remove the hostPath volumes.
#   references: ["https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/cdi-support.html", "https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/"]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: gpu-debug, namespace: ml}
#         spec:
#           containers:
#             - name: c
#               image: nvidia/cuda:12.6.1-base-ubuntu24.04
#           volumes:
#             - name: dev
#               hostPath: {path: /dev/nvidia0}
#             - name: drivers
#               hostPath: {path: /usr/local/nvidia}
#     pass:
#       - |
#         apiVersion: v1
#         kind: Pod
#         metadata: {name: gpu-job, namespace: ml}
#         spec:
#           containers:
#             - name: c
#               image: nvidia/cuda:12.6.1-base-ubuntu24.04
#               resources:
#                 limits: {nvidia.com/gpu: 1}
#           volumes:
#             - name: cache
#               emptyDir: {}
package rampart.ml.gpu_host_driver_mount

import data.rampart.lib.k8s_hostpath as hp
import data.rampart.lib.k8s_ml as ml
import rego.v1

gpu_path(p) if regex.match(`^/dev/(nvidia|dri(/|$))`, p)

gpu_path(p) if {
	some d in ["/usr/local/nvidia", "/run/nvidia", "/var/run/nvidia", "/var/lib/nvidia", "/var/lib/nvidia-docker", "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib/aarch64-linux-gnu", "/dev"]
	hp.under(p, d)
}

gpu_path(p) if regex.match(`^/usr/bin/nvidia-|^/usr/lib/.*nvidia|^/var/lib/nvidia`, p)

deny contains result if {
	some x in hp.host_paths
	gpu_path(x.path)
	result := {
		"msg": sprintf("%s mounts host GPU device or driver path %q", [x.resource.address, x.path]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
