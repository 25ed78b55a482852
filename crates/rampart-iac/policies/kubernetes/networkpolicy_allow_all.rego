# METADATA
# title: NetworkPolicy allows all traffic
# description: A NetworkPolicy contains an ingress or egress rule that is empty ({}) or whose only peer is 0.0.0.0/0 / ::/0, so it admits traffic from or to anywhere.
# custom:
#   id: k8s-networkpolicy-allow-all
#   severity: medium
#   kinds: [kubernetes]
#   cwe: [284]
#   owasp: ["A01:2021", "A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: An allow-all rule silently cancels the namespace's default-deny policies for the selected pods, re-opening lateral movement and data exfiltration paths.
#   remediation: List the specific pods, namespaces, CIDRs and ports each rule needs; keep a default-deny policy per namespace.
#   references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/"]
#   examples:
#     fail:
#       - |
#         apiVersion: networking.k8s.io/v1
#         kind: NetworkPolicy
#         metadata: {name: allow-all, namespace: shop}
#         spec:
#           podSelector: {}
#           policyTypes: [Ingress]
#           ingress:
#             - {}
#       - |
#         apiVersion: networking.k8s.io/v1
#         kind: NetworkPolicy
#         metadata: {name: egress-any, namespace: shop}
#         spec:
#           podSelector: {matchLabels: {app: api}}
#           policyTypes: [Egress]
#           egress:
#             - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
#     pass:
#       - |
#         apiVersion: networking.k8s.io/v1
#         kind: NetworkPolicy
#         metadata: {name: api, namespace: shop}
#         spec:
#           podSelector: {matchLabels: {app: api}}
#           policyTypes: [Ingress, Egress]
#           ingress:
#             - from: [{podSelector: {matchLabels: {app: web}}}]
#               ports: [{port: 8080}]
#           egress:
#             - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
#               ports: [{port: 443}]
package rampart.kubernetes.networkpolicy_allow_all

import rego.v1

open_rule(rule, peers) if count(object.keys(rule)) == 0

open_rule(rule, peers) if {
	count(object.get(rule, peers, [])) > 0
	every p in rule[peers] {
		p.ipBlock.cidr in {"0.0.0.0/0", "::/0"}
		count(object.get(p.ipBlock, "except", [])) == 0
	}
	count(object.get(rule, "ports", [])) == 0
}

deny contains result if {
	some r in input.resources
	r.type == "NetworkPolicy"
	some dir in [["ingress", "from"], ["egress", "to"]]
	some i, rule in r.values.spec[dir[0]]
	is_object(rule)
	open_rule(rule, dir[1])
	result := {
		"msg": sprintf("%s has an %s rule that allows all traffic", [r.address, dir[0]]),
		"resource": r.address,
		"attribute": sprintf("spec.%s.%d", [dir[0], i]),
	}
}
