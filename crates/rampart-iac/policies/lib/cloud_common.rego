# Helpers shared by the cloud policies (AWS, Azure, GCP, CloudFormation).
package rampart.lib.cloud_common

import rego.v1

# Managed resources (not data sources) whose type is in the set `types`.
resources(types) := [r |
	some r in input.resources
	r.type in types
	oget(r, "mode", "managed") != "data"
]

# Data sources whose type is in `types`.
data_sources(types) := [r |
	some r in input.resources
	r.type in types
	oget(r, "mode", "managed") == "data"
]

# A value the evaluator could not resolve statically ("${...}" or a CloudFormation intrinsic).
unknown(v) if {
	is_string(v)
	startswith(v, "${")
}

unknown(v) if {
	is_object(v)
	some k, _ in v
	k in {"Ref", "Fn::GetAtt", "Fn::ImportValue", "Fn::If", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::FindInMap"}
}

# regorus raises (rather than leaving undefined) when a built-in gets the wrong type, and one
# error aborts the evaluation of every policy of the document. Policies therefore go through
# these total helpers whenever a value comes from the scanned file.

# object.get that tolerates a non-object (null in plan JSON, an unresolved "${...}" string).
oget(o, k, d) := object.get(o, k, d) if is_object(o) else := d

# Value at a path (array of keys and indices) or null; an unresolved value on the way
# (a CloudFormation intrinsic, a "${...}" string) makes the whole value unresolved.
get(obj, path) := v if {
	v := oget(obj, path, null)
	v != null
} else := "${unresolved}" if {
	count(path) > 1
	some i in numbers.range(1, count(path) - 1)
	unknown(oget(obj, array.slice(path, 0, i), null))
} else := null

# The value if it is an object, else {}.
obj(v) := v if is_object(v) else := {}

# The value if it is a string, else "".
str(v) := v if is_string(v) else := ""

lower_s(v) := lower(v) if is_string(v) else := ""

upper_s(v) := upper(v) if is_string(v) else := ""

starts(s, p) if startswith(str(s), p)

ends(s, p) if endswith(str(s), p)

has_sub(s, p) if contains(str(s), p)

# count() of a collection or string, 0 for anything else.
size(v) := count(v) if {
	is_array(v)
} else := count(v) if {
	is_object(v)
} else := count(v) if {
	is_set(v)
} else := count(v) if {
	is_string(v)
} else := 0

# A number, or a string holding one; undefined otherwise.
num(v) := v if is_number(v)

num(v) := to_number(v) if {
	is_string(v)
	regex.match(`^-?[0-9]+(\.[0-9]+)?$`, v)
}

# regex.match on a string, false for anything else.
matches(pattern, v) if {
	is_string(v)
	regex.match(pattern, v)
}

# Nothing set: missing, null, empty string, empty array or object.
blank(v) if v == null

blank(v) if v == ""

blank(v) if v == []

blank(v) if v == {}

# The value is set to something other than `want` (an unknown value never violates);
# a missing value violates when `missing_bad` is true.
differs(v, want, missing_bad) if {
	v == null
	missing_bad
}

differs(v, want, _) if {
	v != null
	not unknown(v)
	not same(v, want)
}

same(v, want) if v == want

same(v, want) if {
	is_string(v)
	is_boolean(want)
	lower(v) == sprintf("%v", [want])
}

arr(x) := x if is_array(x)

arr(x) := [] if x == null

arr(x) := [x] if {
	not is_array(x)
	x != null
}

# CIDR blocks meaning "the whole internet".
world_cidrs := {"0.0.0.0/0", "::/0", "0.0.0.0", "*", "Internet", "any", "Any", "0.0.0.0/0,::/0"}

is_world(c) if c in world_cidrs

# A port range [from, to] (numbers or numeric strings) covers port p.
covers(from, to, p) if {
	f := num(from)
	t := num(to)
	f <= p
	p <= t
}

# A protocol/port range open on every port.
all_ports(proto, _, _) if lower(sprintf("%v", [proto])) in {"-1", "all", "*"}

all_ports(_, from, to) if {
	num(from) <= 0
	num(to) >= 65535
}

# A variable name that suggests it carries a credential.
secret_name(n) if {
	is_string(n)
	# the engine's regex has no Unicode tables: match on the lower-cased name, no (?i), \b or \s
	regex.match(`(passw(or)?d|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth[_-]?key|conn(ection)?[_-]?str)`, lower(n))
	not regex.match(`(_arn|_id|_name|_path|_file|_url|_version|_ttl|_length|_secret_name|secret_arn)$`, lower(n))
}

# A literal value written into the configuration (not a reference, not empty).
literal(v) if {
	is_string(v)
	v != ""
	not unknown(v)
	not contains(v, "${")
}

literal(v) if is_number(v)

# Boolean values as CloudFormation templates write them (true, "true", "True").
is_true(v) if v == true

is_true(v) if {
	is_string(v)
	lower(v) == "true"
}

is_false(v) if v == false

is_false(v) if {
	is_string(v)
	lower(v) == "false"
}

# The value is `want`, or could be (not statically known): conditions that clear a resource
# use this so that an unresolved expression never produces a finding.
is_or_unknown(v, want) if v == want

is_or_unknown(v, _) if unknown(v)

# A resource's address as expressions inside its own module write it: "module.net.aws_vpc.main"
# is "aws_vpc.main" there (type `t`).
local_address(addr, t) := concat("", [t, ".", parts[count(parts) - 1]]) if {
	parts := split(addr, sprintf("%s.", [t]))
	count(parts) > 1
}
