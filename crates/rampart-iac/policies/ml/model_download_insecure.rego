# METADATA
# title: Model artifacts fetched over plain HTTP
# description: A KServe InferenceService storageUri (predictor, transformer or explainer, any framework) or a model server's model location argument points at an http:// URL.
# custom:
#   id: ml-model-download-insecure
#   severity: high
#   kinds: [kubernetes]
#   cwe: [494, 319]
#   owasp: ["A08:2021", "A02:2021"]
#   owasp_llm: ["LLM03:2025", "LLM04:2025"]
#   ssdf: ["PW.4.1", "PS.2.1"]
#   rationale: Model files downloaded without TLS can be replaced in transit; a swapped pickle or TorchScript file runs code in the server, and swapped weights silently change the model's behaviour (poisoning).
#   remediation: Serve model artifacts from https, s3, gs, azure blob or pvc locations, and verify checksums or signatures of the artifacts.
#   references: ["https://kserve.github.io/website/latest/modelserving/storage/storagecontainers/", "https://genai.owasp.org/llmrisk/llm032025-supply-chain/"]
#   examples:
#     fail:
#       - |
#         apiVersion: serving.kserve.io/v1beta1
#         kind: InferenceService
#         metadata: {name: sklearn, namespace: ml, labels: {networking.kserve.io/visibility: cluster-local}}
#         spec:
#           predictor:
#             model:
#               modelFormat: {name: sklearn}
#               storageUri: http://models.internal.example/sklearn/model.joblib
#     pass:
#       - |
#         apiVersion: serving.kserve.io/v1beta1
#         kind: InferenceService
#         metadata: {name: sklearn, namespace: ml, labels: {networking.kserve.io/visibility: cluster-local}}
#         spec:
#           predictor:
#             model:
#               modelFormat: {name: sklearn}
#               storageUri: s3://models/sklearn/model.joblib
package rampart.ml.model_download_insecure

import data.rampart.lib.k8s_ml as ml
import data.rampart.lib.k8s_workload as k8s
import rego.v1

insecure(u) if {
	is_string(u)
	startswith(lower(u), "http://")
	not regex.match(`^http://(localhost|127[.])`, lower(u))
}

deny contains result if {
	some r in input.resources
	r.type == "InferenceService"
	walk(r.values.spec, [path, v])
	count(path) > 0
	path[count(path) - 1] == "storageUri"
	insecure(v)
	result := {
		"msg": sprintf("%s downloads its model over plain HTTP (%s)", [r.address, v]),
		"resource": r.address,
		"attribute": concat(".", array.concat(["spec"], [sprintf("%v", [p]) | some p in path])),
	}
}

deny contains result if {
	some x in k8s.app_containers
	count(ml.tools(x.container)) > 0
	m := regex.find_n(`(--model|--model-id|--model-repository|--model-store|--models|--model-path)[= ]+http://[^ ]+`, ml.cmdline(x.container), 1)
	count(m) == 1
	not regex.match(`http://(localhost|127[.])`, m[0])
	result := {
		"msg": sprintf("container %q of %s loads models over plain HTTP (%s)", [x.container.name, x.resource.address, m[0]]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}
