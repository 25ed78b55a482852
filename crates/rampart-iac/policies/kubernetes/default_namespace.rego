# METADATA
# title: Object is placed in the default namespace
# description: A namespaced object sets metadata.namespace to default, or sets none in a file applied as-is (it then lands in the current context's namespace, usually default).
# custom:
#   id: k8s-default-namespace
#   severity: low
#   kinds: [kubernetes]
#   cwe: [653]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Namespaces are the unit of RBAC, quota, NetworkPolicy and Pod Security admission; workloads piled into default share all of them and are hard to isolate.
#   remediation: Give every object an explicit, purpose-specific namespace (or set it through Kustomize/Helm and scan the rendered output).
#   references: ["https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/"]
#   aliases:
#     checkov: [CKV_K8S_21]
#     trivy: [KSV110, AVD-KSV-0110]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: default}
#         spec:
#           template:
#             spec:
#               containers: [{name: api, image: "api:2"}]
#       - |
#         apiVersion: v1
#         kind: Service
#         metadata: {name: api}
#         spec:
#           ports: [{port: 80}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: shop}
#         spec:
#           template:
#             spec:
#               containers: [{name: api, image: "api:2"}]
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: reader}
#         rules: []
package rampart.kubernetes.default_namespace

import rego.v1

cluster_scoped := {
	"Namespace", "Node", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding",
	"CustomResourceDefinition", "PriorityClass", "RuntimeClass", "IngressClass", "APIService",
	"MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy",
	"ValidatingAdmissionPolicyBinding", "PodSecurityPolicy", "CSIDriver", "CSINode",
	"VolumeSnapshotClass", "ClusterIssuer", "CertificateSigningRequest", "FlowSchema",
	"PriorityLevelConfiguration", "GatewayClass", "ClusterPolicy", "ClusterServingRuntime",
}

deny contains result if {
	some r in input.resources
	r.values.apiVersion
	not r.type in cluster_scoped
	ns := object.get(r.values.metadata, "namespace", "default")
	ns in {"default", ""}
	not builtin_object(r)
	result := {
		"msg": sprintf("%s is placed in the default namespace", [r.address]),
		"resource": r.address,
		"attribute": "metadata.namespace",
	}
}

# Objects Kubernetes itself creates in every namespace / in default.
builtin_object(r) if {
	r.type == "ServiceAccount"
	r.values.metadata.name == "default"
}

builtin_object(r) if {
	r.type == "Service"
	r.values.metadata.name == "kubernetes"
}
