# METADATA
# title: Secret expanded directly into a command line
# description: A run step puts ${{ secrets.X }} straight into a command's arguments (for example a curl Authorization header or a --password argument built from ${{ secrets.TOKEN }}).
# custom:
#   id: gha-secret-in-command-line
#   severity: medium
#   kinds: [github_actions]
#   cwe: [214, 532]
#   owasp: ["A02:2021", "A09:2021"]
#   owasp_llm: []
#   ssdf: ["PS.1.1"]
#   rationale: The expanded value becomes part of the script file and of the process's argument list, visible to every other process on the runner (ps, /proc) and to tools that echo their command lines; with shell tracing it lands in the log.
#   remediation: Map the secret to an environment variable with env and let the tool read it from there (or from stdin, --password-stdin); never splice it into the command text.
#   references: ["https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#using-secrets-in-a-workflow"]
#   aliases:
#     checkov: [CKV_GHA_3]
#   examples:
#     fail:
#       - |
#         on: push
#         jobs:
#           notify:
#             runs-on: ubuntu-latest
#             steps:
#               - run: |
#                   curl -fsS -H "Authorization: Bearer ${{ secrets.DEPLOY_TOKEN }}" https://deploy.example.com/hooks/web
#     pass:
#       - |
#         on: push
#         jobs:
#           notify:
#             runs-on: ubuntu-latest
#             steps:
#               - env:
#                   DEPLOY_TOKEN: ${{ secrets.DEPLOY_TOKEN }}
#                 run: |
#                   curl -fsS -H "Authorization: Bearer $DEPLOY_TOKEN" https://deploy.example.com/hooks/web
#               - run: echo "${{ secrets.REGISTRY_TOKEN }}" | docker login ghcr.io -u bot --password-stdin
package rampart.github.secret_in_command_line

import data.rampart.lib.ci_github as gh
import rego.v1

secret_expr(line) if regex.match(`[$][{][{][^}]*secrets[.][A-Za-z_]`, line)

# Lines that only pipe the secret into another command on stdin.
stdin_only(line) if regex.match(`^(echo|printf)[^|]*[$][{][{][^}]*secrets[.][^}]*[}][}][^|]*[|]`, trim_space(line))

# Lines that only write the secret to a file or environment file.
redirect_only(line) if regex.match(`^(echo|printf)[^>|]*>>?`, trim_space(line))

deny contains result if {
	some x in gh.steps
	is_string(x.step.run)
	some line in split(x.step.run, "\n")
	secret_expr(line)
	not stdin_only(line)
	not redirect_only(line)
	not regex.match(`^(echo|printf|write-host|write-output) `, lower(trim_space(line)))
	result := {
		"msg": sprintf("%s step %d expands a secret into a command line", [x.job.address, x.index]),
		"resource": x.job.address,
		"attribute": sprintf("%s.run", [x.attribute]),
	}
}
