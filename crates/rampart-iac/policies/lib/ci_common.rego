# Helpers shared by CI, Dockerfile and compose policies: secret-looking names and literal values,
# download-and-execute pipes, full-SHA pins.
package rampart.lib.ci_common

import rego.v1

# Regular expressions here stay within what regorus accepts without the regex crate's Unicode
# features: no (?i), \s, \d, \w or \b; inputs are lower-cased and ASCII classes spelled out.

# Variable names that conventionally hold a credential.
secret_name(name) if regex.match(`(passw(or)?d|passwd|secret|token([^si]|$)|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|credential|auth[_-]?key)`, lower(name))

# Names that look secret but hold no credential by convention.
not_secret_name(name) if regex.match(`(_file|_path|_dir|_url|_uri|_endpoint|_host|_user(name)?|_id|_name|_length|_type|_ttl|_expir(y|es|ation)|_header|_secret_ref|_ref|_policy|_enabled|_count|_timeout|_version|_secret_name|_key_name)$`, lower(name))

# A value that is a real literal, not empty, a reference to another variable, or a placeholder.
literal_secret_value(v) if {
	is_string(v)
	s := trim_space(v)
	count(s) >= 4
	not reference_value(s)
	not placeholder_value(s)
}

reference_value(s) if regex.match(`^\$\{?\{?[A-Za-z_][A-Za-z0-9_. -]*\}?\}?$`, s)

reference_value(s) if regex.match(`^\$\(.*\)$`, s)

reference_value(s) if contains(s, "${{")

reference_value(s) if contains(s, "{{")

reference_value(s) if startswith(s, "$[[")

placeholder_value(s) if regex.match(`^(<.*>|changeme|change[_-]?me|replace[_-]?me|example|dummy|placeholder|xxx+|\*+|null|none|true|false|yes|no|todo|tbd|redacted|your[_-].*|\.\.\.)$`, lower(s))

# Download piped straight into an interpreter: curl ... | sh, wget -O- ... | bash -s
pipe_to_shell(script) if regex.match(`(curl|wget)[[:space:]][^|;&]*[|][[:space:]]*(sudo[[:space:]]+(-[^[:space:]]+[[:space:]]+)*)?(sh|bash|zsh|dash|ksh|ash|python[0-9.]*|perl|ruby|node)([[:space:];&|)]|$)`, script)

# Download then execute via process substitution: bash <(curl ...)
pipe_to_shell(script) if regex.match(`(sh|bash|zsh)[[:space:]]+<[(][[:space:]]*(curl|wget)[[:space:]]`, script)

full_sha(ref) if regex.match(`^[0-9a-f]{40}$`, ref)

# Secret-looking env entries of a map or of a list of "NAME=value" strings.
env_entries(env) := {[k, v] | some k, v in env; is_string(k)} if is_object(env)

env_entries(env) := {[k, v] |
	some item in env
	is_string(item)
	contains(item, "=")
	k := split(item, "=")[0]
	v := substring(item, count(k) + 1, -1)
} if is_array(env)
