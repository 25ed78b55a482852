# AWS helpers: IAM policy documents in every Terraform form, and resources attached to a bucket.
package rampart.lib.cloud_aws

import data.rampart.lib.cloud_common as cc
import rego.v1

# Parse a policy attribute: a JSON string (jsonencode, heredoc, plan JSON) or an object.
parse(p) := json.unmarshal(p) if {
	is_string(p)
	not cc.unknown(p)
	json.is_valid(p)
}

parse(p) := p if is_object(p)

lower_all(xs) := [cc.lower_s(x) | some x in cc.arr(xs); is_string(x); not cc.has_sub(x, "${")]

allow_effect(e) := false if {
	is_string(e)
	cc.lower_s(e) == "deny"
} else := true

json_principals(p) := ["*"] if p == "*"

json_principals(p) := [id | some _, v in p; some id in cc.arr(v)] if is_object(p)

json_principals(p) := [] if p == null

# A JSON statement, normalized.
norm_json(s) := {
	"allow": allow_effect(cc.oget(s, "Effect", "Allow")),
	"actions": lower_all(cc.oget(s, "Action", [])),
	"not_actions": lower_all(cc.oget(s, "NotAction", [])),
	"resources": cc.arr(cc.oget(s, "Resource", [])),
	"not_resources": cc.arr(cc.oget(s, "NotResource", [])),
	"principals": json_principals(cc.oget(s, "Principal", null)),
	"conditioned": cc.size(cc.oget(s, "Condition", {})) > 0,
	"insecure_transport": json_insecure_transport(s),
}

# The statement's condition matches requests made without TLS (aws:SecureTransport false).
json_insecure_transport(s) := true if {
	v := cc.oget(s, ["Condition", "Bool", "aws:SecureTransport"], null)
	some x in cc.arr(v)
	cc.lower_s(sprintf("%v", [x])) == "false"
} else := false

block_insecure_transport(s) := true if {
	some c in cc.arr(cc.oget(s, "condition", []))
	cc.oget(c, "variable", "") == "aws:SecureTransport"
	some x in cc.arr(cc.oget(c, "values", []))
	cc.lower_s(sprintf("%v", [x])) == "false"
} else := false

# A `statement` block of an aws_iam_policy_document data source, normalized.
norm_block(s) := {
	"allow": allow_effect(cc.oget(s, "effect", "Allow")),
	"actions": lower_all(cc.oget(s, "actions", [])),
	"not_actions": lower_all(cc.oget(s, "not_actions", [])),
	"resources": cc.arr(cc.oget(s, "resources", [])),
	"not_resources": cc.arr(cc.oget(s, "not_resources", [])),
	"principals": [id | some p in cc.arr(cc.oget(s, "principals", [])); some id in cc.arr(cc.oget(p, "identifiers", []))],
	"conditioned": cc.size(cc.arr(cc.oget(s, "condition", []))) > 0,
	"insecure_transport": block_insecure_transport(s),
}

# Policy texts a resource carries.
policy_texts(r) := array.concat(
	[p | some k in ["policy", "access_policies"]; p := cc.oget(r.values, k, null); p != null],
	[p | some ip in cc.arr(cc.oget(r.values, "inline_policy", [])); p := cc.oget(ip, "policy", null); p != null],
)

block_statements(r) := [norm_block(s) |
	r.type == "aws_iam_policy_document"
	some s in cc.arr(cc.oget(r.values, "statement", []))
]

json_statements(text) := [norm_json(s) |
	d := parse(text)
	some s in cc.arr(cc.oget(d, "Statement", []))
	is_object(s)
]

# A data document's address as the expression text inside its own module writes it
# ("data.aws_iam_policy_document.x[0]", without the "module.NAME." prefixes).
local_doc_address(addr) := concat("", ["data.aws_iam_policy_document.", parts[count(parts) - 1]]) if {
	parts := split(addr, "data.aws_iam_policy_document.")
	count(parts) > 1
}

# The unresolved expression `text` names data document d.
names_doc(text, d) if cc.has_sub(text, sprintf("%s.", [local_doc_address(d.address)]))

names_doc(text, d) if {
	not cc.has_sub(d.address, "[")
	cc.has_sub(text, sprintf("%s[", [local_doc_address(d.address)]))
}

# A data document's own statements and those of the documents it merges
# (source_policy_documents / override_policy_documents), two levels deep.
doc_statements(d) := array.concat(block_statements(d), [s |
	some ref in d.references
	some d2 in input.resources
	d2.type == "aws_iam_policy_document"
	d2.address == ref
	some s in array.concat(block_statements(d2), [s2 |
		some ref2 in d2.references
		some d3 in input.resources
		d3.type == "aws_iam_policy_document"
		d3.address == ref2
		some s2 in block_statements(d3)
	])
])

# Statements of the data documents that resource r's still-unresolved policy expression names.
referenced_doc_statements(r, text) := [s |
	cc.has_sub(text, "${")
	some d in input.resources
	d.type == "aws_iam_policy_document"
	d.address in r.references
	names_doc(text, d)
	some s in doc_statements(d)
]

# Every statement of a resource's policies, normalized (the data documents it uses included).
statements(r) := array.concat(doc_statements_if_doc(r), [s |
	some text in policy_texts(r)
	some s in array.concat(json_statements(text), referenced_doc_statements(r, text))
])

doc_statements_if_doc(r) := doc_statements(r) if r.type == "aws_iam_policy_document" else := []

allows(r) := [s | some s in statements(r); s.allow]

# The statement grants `action` (lower case, e.g. "iam:passrole") through its Action list.
grants(s, action) if {
	some a in s.actions
	glob.match(a, [], action)
}

# The statement applies to every resource.
any_resource(s) if "*" in s.resources

# The statement grants to everyone.
public_principal(s) if "*" in s.principals

public_principal(s) if "arn:aws:iam::*:root" in s.principals

# Identity-policy carriers.
identity_types := {"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role", "aws_iam_policy_document"}

identity_resources := [r | some r in input.resources; r.type in identity_types]

# Resource x points at resource b: by reference, or by the bucket name it names.
targets(x, b) if b.address in x.references

targets(x, b) if {
	some ref in x.references
	cc.starts(ref, sprintf("%s[", [b.address]))
}

targets(x, b) if {
	n := cc.oget(b.values, "bucket", null)
	is_string(n)
	not cc.unknown(n)
	cc.oget(x.values, "bucket", null) == n
}

attached(b, t) := [x | some x in input.resources; x.type == t; targets(x, b)]

# The account-level S3 public access block switches on all four settings.
account_blocks_public if {
	some a in input.resources
	a.type == "aws_s3_account_public_access_block"
	every f in ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"] {
		cc.is_or_unknown(cc.oget(a.values, f, false), true)
	}
}

# Every public-access setting is on for bucket b.
bucket_blocks_public(_) if account_blocks_public

bucket_blocks_public(b) if {
	some p in attached(b, "aws_s3_bucket_public_access_block")
	every f in ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"] {
		cc.is_or_unknown(cc.oget(p.values, f, false), true)
	}
}

# Trust statements of a role (inline JSON or a referenced data document).
trust_statements(role) := array.concat(json_statements(arp), referenced_doc_statements(role, arp)) if {
	arp := cc.oget(role.values, "assume_role_policy", "")
} else := []

# The role can be assumed by one of the service principals in `services`.
assumed_by(role, services) if {
	some s in trust_statements(role)
	s.allow
	some p in s.principals
	p in services
}

# Permission statements granted to a role: inline blocks, role policies, attached customer policies.
role_statements(role) := array.concat(
	[s | some text in [p | some ip in cc.arr(cc.oget(role.values, "inline_policy", [])); p := cc.oget(ip, "policy", null); p != null]; some s in array.concat(json_statements(text), referenced_doc_statements(role, text))],
	array.concat(
		[s | some rp in input.resources; rp.type == "aws_iam_role_policy"; role_target(rp, role); some s in statements(rp)],
		[s | some att in input.resources; att.type == "aws_iam_role_policy_attachment"; role_target(att, role); some p in input.resources; p.type == "aws_iam_policy"; p.address in att.references; some s in statements(p)],
	),
)

role_target(x, role) if role.address in x.references

role_target(x, role) if {
	n := cc.oget(role.values, "name", null)
	is_string(n)
	not cc.unknown(n)
	cc.oget(x.values, "role", null) == n
}

# AWS managed policy ARNs attached to a role.
role_managed_arns(role) := array.concat(
	[a | some a in cc.arr(cc.oget(role.values, "managed_policy_arns", [])); is_string(a)],
	[a | some att in input.resources; att.type == "aws_iam_role_policy_attachment"; role_target(att, role); a := cc.oget(att.values, "policy_arn", ""); is_string(a)],
)

# Ingress rules of security groups open to the whole internet, in every Terraform form:
# inline `ingress` blocks, aws_security_group_rule (type ingress) and aws_vpc_security_group_ingress_rule.
# Each item: {"resource": r, "from": n, "to": n, "protocol": s, "attribute": path}.
world_ingress contains rule if {
	some r in cc.resources({"aws_security_group", "aws_default_security_group"})
	some i, b in cc.arr(cc.oget(r.values, "ingress", []))
	some k in ["cidr_blocks", "ipv6_cidr_blocks"]
	some c in cc.arr(cc.oget(b, k, []))
	cc.is_world(c)
	rule := {"resource": r, "from": cc.oget(b, "from_port", 0), "to": cc.oget(b, "to_port", 0), "protocol": cc.oget(b, "protocol", "-1"), "attribute": sprintf("ingress.%d.%s", [i, k])}
}

world_ingress contains rule if {
	some r in cc.resources({"aws_security_group_rule"})
	cc.oget(r.values, "type", "") == "ingress"
	some k in ["cidr_blocks", "ipv6_cidr_blocks"]
	some c in cc.arr(cc.oget(r.values, k, []))
	cc.is_world(c)
	rule := {"resource": r, "from": cc.oget(r.values, "from_port", 0), "to": cc.oget(r.values, "to_port", 0), "protocol": cc.oget(r.values, "protocol", "-1"), "attribute": k}
}

world_ingress contains rule if {
	some r in cc.resources({"aws_vpc_security_group_ingress_rule"})
	some k in ["cidr_ipv4", "cidr_ipv6"]
	cc.is_world(cc.oget(r.values, k, ""))
	proto := cc.oget(r.values, "ip_protocol", "-1")
	rule := {"resource": r, "from": cc.oget(r.values, "from_port", port_default(proto)), "to": cc.oget(r.values, "to_port", port_default_hi(proto)), "protocol": proto, "attribute": k}
}

port_default(proto) := 0 if cc.lower_s(sprintf("%v", [proto])) in {"-1", "all"} else := -99

port_default_hi(proto) := 65535 if cc.lower_s(sprintf("%v", [proto])) in {"-1", "all"} else := -99

# The open rule reaches port p (TCP/UDP ranges, or all protocols).
reaches(rule, p) if cc.all_ports(rule.protocol, rule.from, rule.to)

reaches(rule, p) if {
	cc.lower_s(sprintf("%v", [rule.protocol])) in {"tcp", "6", "udp", "17"}
	cc.covers(rule.from, rule.to, p)
}

# --- AI/ML ---

ml_word := `(^|[^a-z])(ml|model|models|artifact|artifacts|sagemaker|bedrock|training|inference|dataset|datasets|feature-?store|llm|weights|checkpoints?)([^a-z]|$)`

# A bucket that holds models or training data: named or tagged that way, or named by a SageMaker
# model's model_data_url / a Bedrock custom model's data configuration.
model_bucket(b) if cc.matches(ml_word, cc.lower_s(sprintf("%v", [cc.oget(b.values, "bucket", "")])))

model_bucket(b) if {
	some k, v in cc.obj(cc.oget(b.values, "tags", {}))
	cc.matches(ml_word, cc.lower_s(sprintf("%v=%v", [k, v])))
}

model_bucket(b) if {
	name := cc.oget(b.values, "bucket", "")
	is_string(name)
	name != ""
	some u in ml_s3_uris
	cc.starts(u, sprintf("s3://%s/", [name]))
}

model_bucket(b) if {
	some m in input.resources
	m.type in {"aws_sagemaker_model", "aws_bedrock_custom_model"}
	b.address in m.references
}

ml_s3_uris contains u if {
	some m in input.resources
	m.type == "aws_sagemaker_model"
	some k in ["primary_container", "container"]
	some c in cc.arr(cc.oget(m.values, k, []))
	u := cc.oget(c, "model_data_url", "")
	is_string(u)
}

ml_s3_uris contains u if {
	some m in input.resources
	m.type == "aws_bedrock_custom_model"
	some k in ["output_data_config", "training_data_config", "validation_data_config"]
	some c in cc.arr(cc.oget(m.values, k, []))
	some u in [cc.oget(c, "s3_uri", "")]
	is_string(u)
}

# --- CloudFormation ---

# Policy documents a CloudFormation resource carries (Properties as `values`).
cfn_policy_docs(r) := array.concat(
	[d | some k in ["PolicyDocument", "KeyPolicy", "AccessPolicies"]; d := cc.oget(r.values, k, null); d != null],
	[d | some p in cc.arr(cc.oget(r.values, "Policies", [])); d := cc.oget(p, "PolicyDocument", null); d != null],
)

# Normalized statements of a CloudFormation resource's policy documents.
cfn_statements(r) := [s |
	some d in cfn_policy_docs(r)
	some s in json_statements(d)
]

cfn_allows(r) := [s | some s in cfn_statements(r); s.allow]

# Ingress rules open to the internet in CloudFormation security groups:
# {"resource": r, "from": n, "to": n, "protocol": s, "attribute": path}.
cfn_world_ingress contains rule if {
	some r in cc.resources({"AWS::EC2::SecurityGroup"})
	some i, b in cc.arr(cc.oget(r.values, "SecurityGroupIngress", []))
	cfn_open(b)
	rule := {"resource": r, "from": cc.oget(b, "FromPort", 0), "to": cc.oget(b, "ToPort", 65535), "protocol": cc.oget(b, "IpProtocol", "-1"), "attribute": sprintf("SecurityGroupIngress.%d", [i])}
}

cfn_world_ingress contains rule if {
	some r in cc.resources({"AWS::EC2::SecurityGroupIngress"})
	cfn_open(r.values)
	rule := {"resource": r, "from": cc.oget(r.values, "FromPort", 0), "to": cc.oget(r.values, "ToPort", 65535), "protocol": cc.oget(r.values, "IpProtocol", "-1"), "attribute": "CidrIp"}
}

cfn_open(b) if cc.oget(b, "CidrIp", "") == "0.0.0.0/0"

cfn_open(b) if cc.oget(b, "CidrIpv6", "") == "::/0"
