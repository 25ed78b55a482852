# METADATA
# title: KServe InferenceService published outside the cluster
# description: A KServe InferenceService (or Knative-served model) lacks the networking.kserve.io/visibility cluster-local label, so KServe publishes it on the external ingress gateway.
# custom:
#   id: ml-kserve-public-endpoint
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [668, 306]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: ["LLM10:2025", "LLM02:2025"]
#   ssdf: ["PW.9.1"]
#   rationale: KServe predictors have no authentication of their own; an externally routed InferenceService lets anyone who can reach the gateway run inference (GPU cost, model extraction) unless an auth policy is added at the gateway.
#   remediation: Label the InferenceService networking.kserve.io/visibility - cluster-local and expose it through an authenticating API gateway, or add an Istio AuthorizationPolicy/RequestAuthentication for it.
#   references: ["https://kserve.github.io/website/latest/admin/serverless/kourier_networking/", "https://kserve.github.io/website/latest/modelserving/v1beta1/serving_runtime/"]
#   examples:
#     fail:
#       - |
#         apiVersion: serving.kserve.io/v1beta1
#         kind: InferenceService
#         metadata: {name: sklearn-iris, namespace: ml}
#         spec:
#           predictor:
#             model:
#               modelFormat: {name: sklearn}
#               storageUri: gs://kfserving-examples/models/sklearn/1.0/model
#     pass:
#       - |
#         apiVersion: serving.kserve.io/v1beta1
#         kind: InferenceService
#         metadata:
#           name: sklearn-iris
#           namespace: ml
#           labels: {networking.kserve.io/visibility: cluster-local}
#         spec:
#           predictor:
#             model:
#               modelFormat: {name: sklearn}
#               storageUri: gs://kfserving-examples/models/sklearn/1.0/model
package rampart.ml.kserve_public_endpoint

import data.rampart.lib.k8s_ml as ml
import rego.v1

internal(r) if object.get(object.get(r.values.metadata, "labels", {}), "networking.kserve.io/visibility", "") == "cluster-local"

internal(r) if object.get(object.get(r.values.metadata, "labels", {}), "networking.knative.dev/visibility", "") == "cluster-local"

# Raw deployment mode creates no external route unless an Ingress is configured separately.
raw_mode(r) if object.get(object.get(r.values.metadata, "annotations", {}), "serving.kserve.io/deploymentMode", "") == "RawDeployment"

deny contains result if {
	some r in input.resources
	r.type == "InferenceService"
	not internal(r)
	not raw_mode(r)
	result := {
		"msg": sprintf("%s is published on the external ingress gateway", [r.address]),
		"resource": r.address,
		"attribute": "metadata.labels",
	}
}
