# Azure helpers: network security rules open to the internet.
package rampart.lib.cloud_azure

import data.rampart.lib.cloud_common as cc
import rego.v1

world_sources := {"*", "0.0.0.0", "0.0.0.0/0", "internet", "any", "::/0"}

open_source(rule) if cc.lower_s(sprintf("%v", [cc.oget(rule, "source_address_prefix", "")])) in world_sources

open_source(rule) if {
	some p in cc.arr(cc.oget(rule, "source_address_prefixes", []))
	cc.lower_s(sprintf("%v", [p])) in world_sources
}

inbound_allow(rule) if {
	cc.lower_s(sprintf("%v", [cc.oget(rule, "direction", "")])) == "inbound"
	cc.lower_s(sprintf("%v", [cc.oget(rule, "access", "")])) == "allow"
}

port_specs(rule) := array.concat(
	[p | p := cc.oget(rule, "destination_port_range", null); is_string(p)],
	[sprintf("%v", [p]) | some p in cc.arr(cc.oget(rule, "destination_port_ranges", []))],
)

# A port spec ("*", "22", "1000-2000") includes port p.
spec_covers(spec, _) if spec == "*"

spec_covers(spec, p) if {
	not cc.has_sub(spec, "-")
	spec != "*"
	cc.num(trim_space(spec)) == p
}

spec_covers(spec, p) if {
	parts := split(spec, "-")
	cc.size(parts) == 2
	cc.num(trim_space(parts[0])) <= p
	p <= cc.num(trim_space(parts[1]))
}

# Inbound allow rules from the whole internet: {"resource": r, "rule": rule, "attribute": path}.
world_inbound contains x if {
	some r in cc.resources({"azurerm_network_security_group"})
	some i, rule in cc.arr(cc.oget(r.values, "security_rule", []))
	inbound_allow(rule)
	open_source(rule)
	x := {"resource": r, "rule": rule, "attribute": sprintf("security_rule.%d", [i])}
}

world_inbound contains x if {
	some r in cc.resources({"azurerm_network_security_rule"})
	inbound_allow(r.values)
	open_source(r.values)
	x := {"resource": r, "rule": r.values, "attribute": "source_address_prefix"}
}

# The rule lets traffic reach TCP port p.
reaches(rule, p) if {
	cc.lower_s(sprintf("%v", [cc.oget(rule, "protocol", "*")])) in {"*", "tcp", "any"}
	some spec in port_specs(rule)
	spec_covers(spec, p)
}
