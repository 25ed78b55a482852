def load_rules(lines):
    out = []
    for line in lines:
        # ruleid: eval-dynamic-audit
        out.append(eval(line))
    # ruleid: eval-dynamic-audit
    exec(open("hooks.py").read())
    # ok: eval-dynamic-audit
    out.append(eval("1 + 2"))
    # ok: eval-dynamic-audit
    exec("import math")
    return out
