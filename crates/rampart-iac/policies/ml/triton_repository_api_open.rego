# METADATA
# title: Triton model-repository API enabled without restriction
# description: A Triton Inference Server runs with --model-control-mode=explicit (model load/unload over the API) and no --http-restricted-api / --grpc-restricted-api covering model-repository.
# custom:
#   id: ml-triton-repository-api-open
#   severity: high
#   kinds: [kubernetes]
#   cwe: [306, 22]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM03:2025", "LLM10:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Explicit model control lets any client that reaches the server load and unload models; unauthenticated, it allows denial of service and - in affected versions - path traversal through the load API (CVE-2023-31036) to load files from outside the repository.
#   remediation: Use the default model control mode (none) or poll; if explicit control is needed, restrict model-repository to clients presenting a header key with --http-restricted-api and --grpc-restricted-api, and keep the server internal.
#   references: ["https://docs.nvidia.com/deeplearning/triton-inference-server/user-guide/docs/user_guide/model_management.html", "https://docs.nvidia.com/deeplearning/triton-inference-server/user-guide/docs/customization_guide/inference_protocols.html#limit-endpoint-access-beta", "https://nvd.nist.gov/vuln/detail/CVE-2023-31036"]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: triton, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: triton
#                   image: nvcr.io/nvidia/tritonserver:24.09-py3
#                   args: [tritonserver, --model-repository=s3://models/repo, --model-control-mode=explicit]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: triton, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: triton
#                   image: nvcr.io/nvidia/tritonserver:24.09-py3
#                   args:
#                     - tritonserver
#                     - --model-repository=s3://models/repo
#                     - --model-control-mode=explicit
#                     - --http-restricted-api=model-repository:admin-key=REPLACED_AT_DEPLOY
#                     - --grpc-restricted-api=model-repository:admin-key=REPLACED_AT_DEPLOY
package rampart.ml.triton_repository_api_open

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

restricted(line, proto) if regex.match(sprintf(`--%s-restricted-api[= ][^ ]*model-repository`, [proto]), line)

deny contains result if {
	some x in k8s.app_containers
	"triton" in ml.tools(x.container)
	line := ml.cmdline(x.container)
	regex.match(`--model-control-mode[= ]+explicit`, line)
	some proto in ["http", "grpc"]
	not regex.match(sprintf(`--allow-%s[= ]+(false|0)`, [proto]), line)
	not restricted(line, proto)
	result := {
		"msg": sprintf("Triton container %q of %s allows unrestricted model load/unload over %s", [x.container.name, x.resource.address, proto]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
