# METADATA
# title: Secret exposed to a container through environment variables
# description: A container reads a Secret through env valueFrom.secretKeyRef or envFrom.secretRef instead of a mounted file.
# custom:
#   id: k8s-secrets-as-env
#   severity: low
#   kinds: [kubernetes]
#   cwe: [526]
#   owasp: ["A02:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Environment variables are inherited by every child process, show up in crash dumps, debug endpoints and /proc/<pid>/environ, and are not updated when the Secret rotates; mounted files avoid all of that.
#   remediation: Mount the Secret as a volume (read-only) and have the application read the file; keep env only for non-secret configuration.
#   references: ["https://kubernetes.io/docs/concepts/security/secrets-good-practices/", "https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod"]
#   aliases:
#     checkov: [CKV_K8S_35]
#   examples:
#     fail:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: shop}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: api
#                   image: api:2
#                   envFrom: [{secretRef: {name: api-secrets}}]
#     pass:
#       - |
#         apiVersion: apps/v1
#         kind: Deployment
#         metadata: {name: api, namespace: shop}
#         spec:
#           template:
#             spec:
#               containers:
#                 - name: api
#                   image: api:2
#                   envFrom: [{configMapRef: {name: api-config}}]
#                   volumeMounts: [{name: creds, mountPath: /run/secrets/api, readOnly: true}]
#               volumes:
#                 - {name: creds, secret: {secretName: api-secrets}}
package rampart.kubernetes.secrets_as_env

import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	some i, e in x.container.env
	e.valueFrom.secretKeyRef
	result := {
		"msg": sprintf("container %q of %s reads Secret %q into env %s", [x.container.name, x.resource.address, object.get(e.valueFrom.secretKeyRef, "name", ""), e.name]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.env.%d.valueFrom.secretKeyRef", [x.path, i]),
	}
}

deny contains result if {
	some x in k8s.containers
	some i, e in x.container.envFrom
	e.secretRef
	result := {
		"msg": sprintf("container %q of %s loads Secret %q into its environment", [x.container.name, x.resource.address, object.get(e.secretRef, "name", "")]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.envFrom.%d.secretRef", [x.path, i]),
	}
}
