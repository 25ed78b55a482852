# METADATA
# title: pip installs packages without pinned versions
# description: pip install names packages without an exact version (==) and without a requirements or constraints file.
# custom:
#   id: docker-pip-unpinned
#   severity: low
#   kinds: [dockerfile]
#   cwe: [1357]
#   owasp: ["A08:2021"]
#   owasp_llm: []
#   ssdf: ["PW.4.1"]
#   rationale: Unpinned Python packages make the image depend on whatever PyPI serves at build time, including freshly published malicious or broken releases.
#   remediation: Pin exact versions (package==1.2.3), ideally from a hash-checked requirements file (pip install --require-hashes -r requirements.txt).
#   references: ["https://pip.pypa.io/en/stable/topics/repeatable-installs/", "https://pip.pypa.io/en/stable/topics/secure-installs/"]
#   examples:
#     fail:
#       - |
#         FROM python:3.12-slim
#         RUN pip install --no-cache-dir flask gunicorn
#     pass:
#       - |
#         FROM python:3.12-slim
#         RUN pip install --no-cache-dir flask==3.0.3 gunicorn==22.0.0
#         RUN pip install --require-hashes -r requirements.txt
#         RUN pip install .
#         RUN pip install --upgrade pip
package rampart.dockerfile.pip_unpinned

import data.rampart.lib.ci_dockerfile as df
import rego.v1

installs contains [x, c] if {
	some x in df.runs
	some c in df.commands(x.script)
	regex.match(`^(sudo +)?(python[0-9.]* +-m +)?pip[0-9.]*( +-[^ ]+)* +install( |$)`, c)
}

# Options whose next word is a value, not a package.
valued := {"-r", "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url", "--trusted-host", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "-e", "--editable", "--src", "--cache-dir", "--platform", "--python-version", "--only-binary", "--no-binary"}

packages(c) := [w |
	ws := df.words(c)
	some i, w in ws
	not startswith(w, "-")
	not ws[i - 1] in valued
	after_install(ws, i)
]

after_install(ws, i) if {
	some j, w in ws
	w == "install"
	j < i
}

pinned(w) if contains(w, "==")

pinned(w) if contains(w, "===")

pinned(w) if regex.match(`^([.]|/|[.][.]/|git[+]|https?://|file:)`, w)

pinned(w) if regex.match(`[.](whl|tar[.]gz|zip)$`, w)

pinned(w) if contains(w, "$")

pinned(w) if w in {"pip", "setuptools", "wheel"}

deny contains result if {
	some pair in installs
	[x, c] := pair
	loose := [p | some p in packages(c); not pinned(p)]
	count(loose) > 0
	result := {
		"msg": sprintf("%s installs Python packages without exact versions: %v", [x.resource.address, loose]),
		"resource": x.resource.address,
		"attribute": x.attribute,
	}
}
