# Helpers for docker-compose policies: services, environment entries, bind mounts and
# published ports in both the short and the long syntax.
package rampart.lib.ci_compose

import rego.v1

services contains r if {
	some r in input.resources
	r.type == "compose_service"
}

# Environment entries: {"resource", "name", "value", "attribute"}; the list form "K=V" and a bare
# "K" (value taken from the host) are both handled; the latter has value null.
env contains x if {
	some r in services
	is_object(r.values.environment)
	some k, v in r.values.environment
	x := {"resource": r, "name": k, "value": v, "attribute": sprintf("environment.%s", [k])}
}

env contains x if {
	some r in services
	is_array(r.values.environment)
	some i, item in r.values.environment
	is_string(item)
	x := list_entry(r, i, item)
}

list_entry(r, i, item) := {"resource": r, "name": k, "value": substring(item, count(k) + 1, -1), "attribute": sprintf("environment.%d", [i])} if {
	contains(item, "=")
	k := split(item, "=")[0]
} else := {"resource": r, "name": item, "value": null, "attribute": sprintf("environment.%d", [i])}

# Bind mounts: {"resource", "source", "target", "attribute"} for "src:dst[:mode]" strings and
# {type: bind, source, target} objects.
binds contains x if {
	some r in services
	some i, v in r.values.volumes
	is_string(v)
	parts := split(v, ":")
	count(parts) >= 2
	src := parts[0]
	host_path(src)
	x := {"resource": r, "source": normalise(src), "target": parts[1], "attribute": sprintf("volumes.%d", [i])}
}

binds contains x if {
	some r in services
	some i, v in r.values.volumes
	is_object(v)
	object.get(v, "type", "bind") == "bind"
	is_string(v.source)
	host_path(v.source)
	x := {"resource": r, "source": normalise(v.source), "target": object.get(v, "target", ""), "attribute": sprintf("volumes.%d.source", [i])}
}

host_path(src) if startswith(src, "/")

host_path(src) if startswith(src, "./")

host_path(src) if startswith(src, "~")

normalise(p) := "/" if trim_right(p, "/") == ""

else := trim_right(p, "/")

# Published ports: {"resource", "host_ip", "published", "target", "attribute"} (strings as text).
ports contains x if {
	some r in services
	some i, p in r.values.ports
	not is_object(p)
	x := object.union(short_port(sprintf("%v", [p])), {"resource": r, "attribute": sprintf("ports.%d", [i])})
}

ports contains x if {
	some r in services
	some i, p in r.values.ports
	is_object(p)
	x := {
		"resource": r,
		"host_ip": object.get(p, "host_ip", ""),
		"published": sprintf("%v", [object.get(p, "published", "")]),
		"target": sprintf("%v", [object.get(p, "target", "")]),
		"attribute": sprintf("ports.%d", [i]),
	}
}

# "[ip:]published:target[/proto]" or "target"; IPv6 host addresses come in brackets.
short_port(s) := {"host_ip": ip, "published": pub, "target": tgt} if {
	noproto := split(s, "/")[0]
	m := regex.find_all_string_submatch_n(`^(\[[0-9a-fA-F:]*\]|[0-9]+[.][0-9.]+)?:?([0-9-]*):([0-9-]+)$`, noproto, 1)
	count(m) == 1
	ip := trim(m[0][1], "[]")
	pub := m[0][2]
	tgt := m[0][3]
} else := {"host_ip": "", "published": "", "target": split(s, "/")[0]}

# Published on every interface (no host address, or a wildcard one).
all_interfaces(p) if p.host_ip in {"", "0.0.0.0", "::"}

# True when a port range or single port string covers port n.
covers(spec, n) if {
	regex.match(`^[0-9]+$`, spec)
	to_number(spec) == n
}

covers(spec, n) if {
	regex.match(`^[0-9]+-[0-9]+$`, spec)
	bounds := split(spec, "-")
	to_number(bounds[0]) <= n
	n <= to_number(bounds[1])
}

# Image reference without a fixed tag or digest.
floating_image(img) if {
	is_string(img)
	not contains(img, "$")
	not contains(img, "@sha256:")
	segs := split(img, "/")
	last := segs[count(segs) - 1]
	tag_of(last) in {"", "latest"}
}

tag_of(last) := split(last, ":")[1] if contains(last, ":")

else := ""
