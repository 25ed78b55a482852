# Helpers for Kubernetes RBAC policies: every rule of every Role / ClusterRole with its path.
package rampart.lib.k8s_rbac

import rego.v1

role_kinds := {"Role", "ClusterRole"}

binding_kinds := {"RoleBinding", "ClusterRoleBinding"}

# {"resource": r, "rule": rule, "path": "rules.0"}
rules contains x if {
	some r in input.resources
	r.type in role_kinds
	some i, rule in r.values.rules
	is_object(rule)
	x := {"resource": r, "rule": rule, "path": sprintf("rules.%d", [i])}
}

verbs(rule) := {lower(v) | some v in rule.verbs}

resources(rule) := {lower(v) | some v in rule.resources}

# The rule grants one of the wanted verbs (or all verbs) on one of the wanted resources
# (or all resources) in the core API group (or all groups).
grants(rule, wanted_verbs, wanted_resources) if {
	core_group(rule)
	some v in verbs(rule)
	v in (wanted_verbs | {"*"})
	some res in resources(rule)
	res in (wanted_resources | {"*"})
}

core_group(rule) if not rule.apiGroups

core_group(rule) if {
	some g in rule.apiGroups
	g in {"", "*"}
}

in_group(rule, group) if {
	some g in rule.apiGroups
	g in {group, "*"}
}

# {"resource": r, "subject": s, "path": "subjects.0"}
subjects contains x if {
	some r in input.resources
	r.type in binding_kinds
	some i, s in r.values.subjects
	is_object(s)
	x := {"resource": r, "subject": s, "path": sprintf("subjects.%d", [i])}
}
