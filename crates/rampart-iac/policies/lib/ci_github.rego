# Helpers for GitHub Actions policies: workflow triggers, jobs, steps with attribute paths,
# expressions, untrusted contexts and action references.
package rampart.lib.ci_github

import rego.v1

workflow := r if {
	some r in input.resources
	r.type == "github_workflow"
}

jobs contains r if {
	some r in input.resources
	r.type == "github_job"
}

# Events that trigger the workflow, whatever form `on` takes (string, list or map).
triggers contains t if {
	is_string(workflow.values.on)
	t := workflow.values.on
}

triggers contains t if {
	is_array(workflow.values.on)
	some t in workflow.values.on
}

triggers contains t if {
	is_object(workflow.values.on)
	some t, _ in workflow.values.on
}

# Events through which people outside the repository's writers can start a run.
public_triggers := {
	"pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment",
	"issue_comment", "issues", "discussion", "discussion_comment", "fork", "watch",
}

# {"job": r, "step": s, "index": i, "attribute": "steps.2"}
steps contains x if {
	some r in jobs
	some i, s in r.values.steps
	is_object(s)
	x := {"job": r, "step": s, "index": i, "attribute": sprintf("steps.%d", [i])}
}

# Steps using an action, with the action name lower-cased and split from its ref.
# {"job", "step", "attribute", "uses", "action": "actions/checkout", "ref": "v4"}
action_steps contains object.union(x, ref_parts(x.step.uses)) if {
	some x in steps
	is_string(x.step.uses)
}

ref_parts(uses) := {"uses": uses, "action": lower(parts[0]), "ref": parts[1]} if {
	parts := split(uses, "@")
	count(parts) == 2
} else := {"uses": uses, "action": lower(uses), "ref": ""}

checkout_steps contains x if {
	some x in action_steps
	x.action == "actions/checkout"
}

# The ${{ ... }} expressions in a string.
expressions(s) := regex.find_n(`[$][{][{][^}]*[}][}]`, s, -1) if is_string(s)

else := []

# Contexts an outside contributor controls (titles, bodies, branch names, commit messages,
# author names and e-mails, wiki page names).
untrusted_pattern(_) := `github[.]event[.](issue[.](title|body)|pull_request[.](title|body|head[.](ref|label|repo[.]default_branch))|comment[.]body|review[.]body|review_comment[.]body|discussion[.](title|body)|pages[^ }]*[.]page_name|commits[^ }]*[.](message|author[.](email|name))|head_commit[.](message|author[.](email|name))|workflow_run[.](head_branch|display_title|head_commit[.](message|author[.](email|name))))|github[.]head_ref`

untrusted_expressions(s) := [e |
	some e in expressions(s)
	regex.match(untrusted_pattern(0), e)
]

# Action references pinned to a full commit SHA.
sha_pinned(ref) if regex.match(`^[0-9a-f]{40}$`, ref)

# Local actions and reusable workflows (./path) and container actions are not repository refs.
local_action(uses) if startswith(uses, "./")

docker_action(uses) if startswith(uses, "docker://")

first_party(action) if startswith(action, "actions/")

first_party(action) if startswith(action, "github/")

# True when runs-on names a self-hosted runner (string, list or {labels} forms; a runner group
# alone may hold GitHub-hosted larger runners, so it does not count).
self_hosted(runs_on) if runs_on == "self-hosted"

self_hosted(runs_on) if {
	is_array(runs_on)
	"self-hosted" in runs_on
}

self_hosted(runs_on) if "self-hosted" in runs_on.labels
