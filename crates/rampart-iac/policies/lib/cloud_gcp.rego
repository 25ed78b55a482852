# GCP helpers: IAM members of *_iam_member / *_iam_binding resources and what they stand for.
package rampart.lib.cloud_gcp

import data.rampart.lib.cloud_common as cc
import rego.v1

public_members := {"allUsers", "allAuthenticatedUsers"}

# Members of an IAM member/binding resource (with the attribute that names them).
members(r) := [{"member": m, "attribute": "member"} | m := cc.oget(r.values, "member", null); is_string(m)] if {
	cc.ends(r.type, "_iam_member")
} else := [{"member": m, "attribute": "members"} | some m in cc.arr(cc.oget(r.values, "members", [])); is_string(m)] if {
	cc.ends(r.type, "_iam_binding")
} else := []

# IAM member/binding resources of the given kinds, e.g. "google_storage_bucket_iam".
iam_grants(prefixes) := [g |
	some r in input.resources
	cc.oget(r, "mode", "managed") != "data"
	some p in prefixes
	r.type in {sprintf("%s_member", [p]), sprintf("%s_binding", [p])}
	some m in members(r)
	g := {"resource": r, "member": m.member, "attribute": m.attribute, "role": cc.oget(r.values, "role", "")}
]

# Bindings of a google_iam_policy data document used by *_iam_policy resources.
policy_grants := [g |
	some d in input.resources
	d.type == "google_iam_policy"
	some b in cc.arr(cc.oget(d.values, "binding", []))
	some m in cc.arr(cc.oget(b, "members", []))
	g := {"resource": d, "member": m, "attribute": "binding", "role": cc.oget(b, "role", "")}
]

# The default Compute Engine or App Engine service account.
default_sa(m) if cc.matches(`^(serviceAccount:)?[0-9]+-compute@developer\.gserviceaccount\.com$`, m)

default_sa(m) if cc.matches(`^(serviceAccount:)?[a-z0-9-]+@appspot\.gserviceaccount\.com$`, m)

# A firewall rule's allow blocks reach TCP port p.
allows_port(fw, p) if {
	some a in cc.arr(cc.oget(fw.values, "allow", []))
	cc.lower_s(sprintf("%v", [cc.oget(a, "protocol", "")])) in {"tcp", "all"}
	ports := cc.arr(cc.oget(a, "ports", []))
	port_listed(ports, p)
}

port_listed(ports, _) if cc.size(ports) == 0

port_listed(ports, p) if {
	some spec in ports
	s := sprintf("%v", [spec])
	not cc.has_sub(s, "-")
	cc.num(s) == p
}

port_listed(ports, p) if {
	some spec in ports
	parts := split(sprintf("%v", [spec]), "-")
	cc.size(parts) == 2
	cc.num(parts[0]) <= p
	p <= cc.num(parts[1])
}

# An enabled ingress firewall rule open to the whole internet.
world_ingress_firewalls := [fw |
	some fw in cc.resources({"google_compute_firewall"})
	cc.upper_s(cc.oget(fw.values, "direction", "INGRESS")) != "EGRESS"
	cc.oget(fw.values, "disabled", false) != true
	some c in cc.arr(cc.oget(fw.values, "source_ranges", []))
	c in {"0.0.0.0/0", "::/0"}
]

# A value of a GCE metadata map is "true" in any of its spellings.
truthy(v) if cc.lower_s(sprintf("%v", [v])) in {"true", "1", "yes", "on"}

falsy(v) if cc.lower_s(sprintf("%v", [v])) in {"false", "0", "no", "off"}
