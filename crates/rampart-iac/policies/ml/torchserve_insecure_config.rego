# METADATA
# title: TorchServe management API opened up
# description: A TorchServe container or its config.properties (in a ConfigMap) disables token authorization (--disable-token-auth, disable_token_authorization=true), enables the model-registration API (--enable-model-api, enable_model_api=true) or binds the management API to all interfaces (management_address on 0.0.0.0).
# custom:
#   id: ml-torchserve-insecure-config
#   severity: high
#   kinds: [kubernetes]
#   cwe: [306, 1188]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM03:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: Since TorchServe 0.11 the management API needs a token and model registration is off by default, as answers to ShellTorch (CVE-2023-43654, remote code execution through registering models from attacker URLs); switching either back on, or listening on all interfaces, restores that attack path.
#   remediation: Keep token authorization on, leave the model API disabled (ship models in the model store at build time), bind management to 127.0.0.1 and restrict allowed_urls.
#   references: ["https://pytorch.org/serve/token_authorization_api.html", "https://pytorch.org/serve/model_api_control.html", "https://nvd.nist.gov/vuln/detail/CVE-2023-43654"]
#   examples:
#     fail:
#       - |
#         apiVersion: v1
#         kind: ConfigMap
#         metadata: {name: ts-config, namespace: ml}
#         data:
#           config.properties: |
#             inference_address=http://0.0.0.0:8080
#             management_address=http://0.0.0.0:8081
#             disable_token_authorization=true
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: ts, namespace: ml}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: torchserve
#                   image: pytorch/torchserve:0.12.0-gpu
#                   args: [torchserve, --start, --model-store, /models, --enable-model-api, --disable-token-auth]
#     pass:
#       - |
#         apiVersion: v1
#         kind: ConfigMap
#         metadata: {name: ts-config, namespace: ml}
#         data:
#           config.properties: |
#             inference_address=http://0.0.0.0:8080
#             management_address=http://127.0.0.1:8081
#             allowed_urls=https://models.example.com/.*
package rampart.ml.torchserve_insecure_config

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

bad_settings(text) := {s |
	some s in ["disable_token_authorization", "enable_model_api"]
	regex.match(sprintf(`(^|\n)[ \t]*%s[ \t]*=[ \t]*true`, [s]), text)
} | {s |
	regex.match(`(^|\n)[ \t]*management_address[ \t]*=[ \t]*https?://(0[.]0[.]0[.]0|\[::\])`, text)
	s := "management_address on all interfaces"
}

deny contains result if {
	some r in input.resources
	r.type == "ConfigMap"
	some k, v in r.values.data
	is_string(v)
	contains(v, "_address")
	some s in bad_settings(v)
	result := {
		"msg": sprintf("%s configures TorchServe with %s", [r.address, s]),
		"resource": r.address,
		"attribute": sprintf("data.%s", [k]),
	}
}

deny contains result if {
	some x in k8s.app_containers
	"torchserve" in ml.tools(x.container)
	line := ml.cmdline(x.container)
	some flag in ["--disable-token-auth", "--enable-model-api"]
	regex.match(sprintf(`(^| )%s( |$)`, [flag]), line)
	result := {
		"msg": sprintf("TorchServe container %q of %s starts with %s", [x.container.name, x.resource.address, flag]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
