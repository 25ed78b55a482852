# METADATA
# title: Credential written literally into a container's environment
# description: An env entry whose name denotes a credential (PASSWORD, SECRET, TOKEN, API_KEY, ACCESS_KEY, PRIVATE_KEY...) has a literal value in the manifest instead of a valueFrom reference.
# custom:
#   id: k8s-secret-literal-in-env
#   severity: high
#   kinds: [kubernetes]
#   cwe: [798, 312]
#   owasp: ["A07:2021", "A02:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1", "PW.9.1"]
#   rationale: The credential sits in version control, in every rendered manifest and in the object readable by anyone with get on the workload; it cannot be rotated without a code change.
#   remediation: Move the value into a Secret (ideally managed by an external secret store) and reference it with valueFrom.secretKeyRef or a mounted volume; rotate the exposed credential.
#   references: ["https://kubernetes.io/docs/concepts/configuration/secret/", "https://kubernetes.io/docs/concepts/security/secrets-good-practices/"]
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
#                   env:
#                     - {name: DB_HOST, value: postgres}
#                     - {name: DB_PASSWORD, value: "Sup3r-s3cret-pw"}
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
#                   env:
#                     - name: DB_PASSWORD
#                       valueFrom: {secretKeyRef: {name: db, key: password}}
#                     - {name: DB_PASSWORD_FILE, value: /run/secrets/db}
#                     - {name: API_TOKEN, value: "$(TOKEN_FROM_INIT)"}
#                     - {name: SECRET_KEY, value: ""}
package rampart.kubernetes.secret_literal_in_env

import data.rampart.lib.ci_common as ci
import data.rampart.lib.k8s_workload as k8s
import rego.v1

deny contains result if {
	some x in k8s.containers
	some i, e in x.container.env
	ci.secret_name(e.name)
	not ci.not_secret_name(e.name)
	ci.literal_secret_value(e.value)
	result := {
		"msg": sprintf("container %q of %s sets credential %s to a literal value", [x.container.name, x.resource.address, e.name]),
		"resource": x.resource.address,
		"attribute": sprintf("%s.env.%d.value", [x.path, i]),
	}
}
