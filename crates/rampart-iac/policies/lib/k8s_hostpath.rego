# Helpers for hostPath policies: normalised host paths of every hostPath volume.
package rampart.lib.k8s_hostpath

import data.rampart.lib.k8s_workload as k8s
import rego.v1

# {"resource": r, "volume": v, "path": "/var/run/docker.sock", "attribute": "spec.volumes.0.hostPath.path"}
host_paths contains x if {
	some p in k8s.pods
	r := p.resource
	some i, v in p.spec.volumes
	is_string(v.hostPath.path)
	x := {
		"resource": r,
		"volume": v,
		"path": normalise(v.hostPath.path),
		"attribute": sprintf("%s.volumes.%d.hostPath.path", [p.path, i]),
	}
}

# Drop a trailing slash (but keep "/"), so "/etc/" and "/etc" compare equal.
normalise(p) := "/" if {
	trim_right(p, "/") == ""
} else := trim_right(p, "/")

# p is the directory d itself or something under it.
under(p, d) if p == d

under(p, d) if startswith(p, concat("", [d, "/"]))

# p is an ancestor directory of d (mounting it exposes d too).
ancestor_of(p, d) if {
	p != d
	startswith(d, concat("", [p, "/"]))
}

ancestor_of("/", d) if d != "/"
