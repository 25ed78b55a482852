# METADATA
# title: vLLM lets API requests read broad parts of the server's filesystem
# description: A vLLM server is started with --allowed-local-media-path set to /, a system directory (/etc, /root, /home, /var, /proc) or a parent of the model cache.
# custom:
#   id: ml-vllm-local-media-path
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [22, 73]
#   owasp: ["A01:2021"]
#   owasp_llm: ["LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: With a local media path allowed, API callers can reference file:// URLs in multimodal requests and have the server read files under that directory; a broad path exposes secrets, tokens and model weights to anyone who can call the API.
#   remediation: Leave the option unset, or point it at a dedicated directory that contains only the media files meant to be served.
#   references: ["https://docs.vllm.ai/en/latest/serving/engine_args.html"]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: vlm, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: vllm
#                   image: vllm/vllm-openai:v0.6.3
#                   args: [--model, Qwen/Qwen2-VL-7B-Instruct, --allowed-local-media-path, /]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: vlm, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: vllm
#                   image: vllm/vllm-openai:v0.6.3
#                   args: [--model, Qwen/Qwen2-VL-7B-Instruct, --allowed-local-media-path, /srv/media/public]
package rampart.ml.vllm_local_media_path

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

broad(p) if trim_right(p, "/") in {"", "/etc", "/root", "/home", "/var", "/proc", "/sys", "/run", "/tmp", "/usr", "/opt"}

broad(p) if regex.match(`^/(root|home/[^/]+)/[.]cache(/|$)`, p)

deny contains result if {
	some x in k8s.app_containers
	"vllm" in ml.tools(x.container)
	m := regex.find_all_string_submatch_n(`--allowed-local-media-path[= ]+([^ ]+)`, ml.cmdline(x.container), 1)
	count(m) == 1
	p := m[0][1]
	broad(p)
	result := {
		"msg": sprintf("vLLM container %q of %s lets requests read local files under %s", [x.container.name, x.resource.address, p]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
