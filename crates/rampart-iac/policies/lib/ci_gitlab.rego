# Helpers for GitLab CI policies: jobs, the pipeline resource, script lines with their
# attribute paths, images and variables.
package rampart.lib.ci_gitlab

import rego.v1

pipeline := r if {
	some r in input.resources
	r.type == "gitlab_pipeline"
}

jobs contains r if {
	some r in input.resources
	r.type == "gitlab_job"
}

# Every script line of every job: {"job": r, "line": "...", "attribute": "script.0"}
# (script, before_script and after_script; strings or nested lists of strings).
lines contains x if {
	some r in jobs
	some key in ["before_script", "script", "after_script"]
	some entry in script_entries(r.values[key], key)
	x := {"job": r, "line": entry[1], "attribute": entry[0]}
}

script_entries(s, key) := [[key, s]] if is_string(s)

else := [[sprintf("%s.%d", [key, i]), line] |
	some i, item in s
	some line in flat(item)
] if is_array(s)

else := []

flat(item) := [item] if is_string(item)

else := [l | some l in item; is_string(l)] if is_array(item)

else := []

# Image reference of a job's image (string or {name: ...}).
image_name(img) := img if is_string(img)

image_name(img) := img.name if is_object(img)

# Variable value (plain or {value: ...}).
var_value(v) := v.value if is_object(v)

else := v

# Variables of the pipeline and of every job:
# {"resource": r, "name": k, "value": v, "attribute": "variables.K"}
variables contains x if {
	some k, v in pipeline.values.variables
	x := {"resource": pipeline, "name": k, "value": var_value(v), "attribute": sprintf("variables.%s", [k])}
}

variables contains x if {
	some r in jobs
	some k, v in r.values.variables
	x := {"resource": r, "name": k, "value": var_value(v), "attribute": sprintf("variables.%s", [k])}
}

truthy(v) if v == true

truthy(v) if lower(sprintf("%v", [v])) in {"true", "1", "yes"}
