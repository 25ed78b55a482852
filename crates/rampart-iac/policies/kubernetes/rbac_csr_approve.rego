# METADATA
# title: Role can approve certificate signing requests
# description: A rule grants update or patch on certificatesigningrequests/approval (or approve on signers).
# custom:
#   id: k8s-rbac-csr-approve
#   severity: high
#   kinds: [kubernetes]
#   cwe: [269]
#   owasp: ["A01:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Approving CSRs lets the subject mint client certificates for any user or group the signer accepts, including node or system identities.
#   remediation: Keep CSR approval with the controller manager and cluster administrators; restrict approve on signers with resourceNames.
#   references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/"]
#   aliases:
#     checkov: [CKV_K8S_156]
#   examples:
#     fail:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]}
#     pass:
#       - |
#         apiVersion: rbac.authorization.k8s.io/v1
#         kind: ClusterRole
#         metadata: {name: ops}
#         rules:
#           - {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests], verbs: [get, list, create]}
package rampart.kubernetes.rbac_csr_approve

import data.rampart.lib.k8s_rbac as rbac
import rego.v1

deny contains result if {
	some x in rbac.rules
	csr_approve(x.rule)
	result := {
		"msg": sprintf("%s can approve certificate signing requests", [x.resource.address]),
		"resource": x.resource.address,
		"attribute": x.path,
	}
}

csr_approve(rule) if {
	rbac.in_group(rule, "certificates.k8s.io")
	some v in rbac.verbs(rule)
	v in {"update", "patch", "*"}
	some res in rbac.resources(rule)
	res in {"certificatesigningrequests/approval", "*"}
}

csr_approve(rule) if {
	rbac.in_group(rule, "certificates.k8s.io")
	some v in rbac.verbs(rule)
	v in {"approve", "*"}
	some res in rbac.resources(rule)
	res in {"signers", "*"}
}
