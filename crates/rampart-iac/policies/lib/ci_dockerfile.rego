# Helpers for Dockerfile policies: stages, instructions with their attribute paths, RUN scripts
# split into simple commands, and the chain of stages the final image inherits from.
package rampart.lib.ci_dockerfile

import rego.v1

stages contains r if {
	some r in input.resources
	r.type == "dockerfile_stage"
}

final_stage := r if {
	some r in stages
	r.values.final == true
}

# {"resource": r, "ins": ins, "index": i, "attribute": "instructions.3"}
instructions contains x if {
	some r in stages
	some i, ins in r.values.instructions
	x := {"resource": r, "ins": ins, "index": i, "attribute": sprintf("instructions.%d", [i])}
}

# The command text of an instruction: exec-form arguments joined, else the value; heredoc
# bodies appended.
text(ins) := concat("\n", array.concat([head(ins)], [h.content | some h in ins.heredocs]))

head(ins) := concat(" ", ins.args) if {
	is_array(ins.args)
} else := ins.value

# Every RUN instruction with its script text.
runs contains x if {
	some i in instructions
	i.ins.cmd == "run"
	x := object.union(i, {"script": text(i.ins)})
}

# Simple commands of a script: split on &&, ||, ;, | and newlines, trimmed, non-empty.
commands(script) := [c |
	some part in regex.split("&&|[|][|]|;|[|]|\n", script)
	c := trim_space(part)
	c != ""
]

# Words of a simple command.
words(cmd) := [w | some w in split(replace(cmd, "\t", " "), " "); w != ""]

# Stages whose instructions the final image carries: the final stage and, when it is built
# FROM an earlier stage by name, that stage and its own ancestors (up to three levels).
parent(s) := a if {
	some a in stages
	a.values.name != null
	a.values.index < s.values.index
	s.values.from.image == a.values.name
} else := null

lineage := [s | some s in [final_stage, l1, l2, l3]; s != null]

l1 := parent(final_stage)

l2 := parent(l1)

l3 := parent(l2)

# All instructions of the final image's lineage, oldest stage first.
final_instructions := [x |
	some s in array.reverse(lineage)
	some i, ins in s.values.instructions
	x := {"resource": s, "ins": ins, "index": i, "attribute": sprintf("instructions.%d", [i])}
]

# KEY=value pairs (or the legacy "KEY value" form) of an ENV or ARG instruction; a bare
# "ARG NAME" gives [NAME, null].
pairs(ins) := [[k, v] |
	some w in regex.find_n(`[A-Za-z_][A-Za-z0-9_]*=("[^"]*"|'[^']*'|[^ ]*)`, ins.value, -1)
	k := split(w, "=")[0]
	v := trim(substring(w, count(k) + 1, -1), "\"'")
] if {
	contains(ins.value, "=")
} else := [[k, v]] if {
	ws := words(ins.value)
	count(ws) > 1
	k := ws[0]
	v := trim_space(substring(ins.value, count(k) + 1, -1))
} else := [[k, null]] if {
	ws := words(ins.value)
	count(ws) == 1
	k := ws[0]
} else := []
