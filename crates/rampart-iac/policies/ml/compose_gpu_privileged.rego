# METADATA
# title: Compose GPU service runs privileged
# description: A compose service that reserves GPUs (deploy.resources.reservations.devices with capabilities [gpu], runtime nvidia, gpus) also sets privileged true.
# custom:
#   id: ml-compose-gpu-privileged
#   severity: high
#   kinds: [compose]
#   cwe: [250]
#   owasp: ["A05:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: GPU access needs only the NVIDIA runtime or a device reservation; privileged mode additionally hands the container every host device and capability, so a compromised notebook or model file takes over the host.
#   remediation: Remove privileged and reserve GPUs through deploy.resources.reservations.devices (or gpus - all) only.
#   references: ["https://docs.docker.com/compose/how-tos/gpu-support/"]
#   examples:
#     fail:
#       - |
#         services:
#           train:
#             image: nvcr.io/nvidia/pytorch:24.08-py3
#             privileged: true
#             deploy:
#               resources:
#                 reservations:
#                   devices:
#                     - driver: nvidia
#                       count: all
#                       capabilities: [gpu]
#     pass:
#       - |
#         services:
#           train:
#             image: nvcr.io/nvidia/pytorch:24.08-py3
#             deploy:
#               resources:
#                 reservations:
#                   devices:
#                     - driver: nvidia
#                       count: all
#                       capabilities: [gpu]
package rampart.ml.compose_gpu_privileged

import data.rampart.lib.ci_compose as dc
import data.rampart.lib.k8s_ml as ml
import rego.v1

gpu(s) if {
	some d in s.deploy.resources.reservations.devices
	"gpu" in d.capabilities
}

gpu(s) if s.runtime == "nvidia"

gpu(s) if s.gpus

deny contains result if {
	some r in dc.services
	gpu(r.values)
	r.values.privileged == true
	result := {"msg": sprintf("GPU service %s runs privileged", [r.address]), "resource": r.address, "attribute": "privileged"}
}
