//! Taint tracking: intra-procedural flows, sanitizers, constant folding, and flows through
//! helper functions of the same file in both directions.
mod common;
use common::lines;

const RULE: &str = r#"
rules:
  - id: cmd
    message: tainted command
    severity: ERROR
    languages: [python]
    mode: taint
    pattern-sources:
      - pattern: request.args.get(...)
      - pattern: request.form[...]
    pattern-sanitizers:
      - pattern: shlex.quote(...)
    pattern-sinks:
      - pattern: os.system(...)
"#;

fn flows(src: &str) -> Vec<u32> {
    lines(RULE, src)
}

#[test]
fn direct_and_through_variables() {
    let src = "def v():\n    x = request.args.get('q')\n    y = x\n    os.system(y)\n    os.system('ls')\n";
    assert_eq!(flows(src), vec![4]);
}

#[test]
fn strings_formatting_and_concatenation() {
    let src = "def v():\n    q = request.form['q']\n    os.system(f'ls {q}')\n    os.system('ls %s' % q)\n    os.system('ls {}'.format(q))\n    os.system('ls ' + q)\n    os.system('ls')\n";
    assert_eq!(flows(src), vec![3, 4, 5, 6]);
}

#[test]
fn augmented_assignment_and_containers() {
    let src = "def v():\n    q = request.form['q']\n    cmd = 'ls '\n    cmd += q\n    os.system(cmd)\n    args = ['ls', q]\n    os.system(' '.join(args))\n    d = {'k': q}\n    os.system(d['k'])\n";
    assert_eq!(flows(src), vec![5, 7, 9]);
}

#[test]
fn tuple_unpacking_is_element_wise() {
    let src =
        "def v():\n    a, b = request.args.get('q'), 'safe'\n    os.system(b)\n    os.system(a)\n";
    assert_eq!(flows(src), vec![4]);
}

#[test]
fn sanitizer_cleans() {
    let src = "def v():\n    q = request.args.get('q')\n    os.system(shlex.quote(q))\n    s = shlex.quote(q)\n    os.system('ls ' + s)\n";
    assert_eq!(flows(src), Vec::<u32>::new());
}

#[test]
fn overwritten_with_constant_is_clean() {
    let src = "def v():\n    q = request.args.get('q')\n    q = 'ls'\n    os.system(q)\n";
    assert_eq!(flows(src), Vec::<u32>::new());
}

#[test]
fn constant_conditions_are_resolved() {
    // 7 * 18 + 106 = 232 > 200: the constant branch "safe" is taken. (With n = 10 the sum is
    // 136, the condition is false and x really is tainted: see the second assertion.)
    let src = "n = 106\ndef v():\n    p = request.args.get('q')\n    x = 'safe' if 7 * 18 + n > 200 else p\n    os.system(x)\n    y = p if n > 5 else 'safe'\n    os.system(y)\n    if n < 3:\n        z = p\n    else:\n        z = 'ok'\n    os.system(z)\n";
    assert_eq!(flows(src), vec![7]);
    assert_eq!(flows(&src.replace("n = 106", "n = 10")), vec![5, 7]);
}

#[test]
fn unknown_conditions_join_branches() {
    let src = "def v(flag):\n    p = request.args.get('q')\n    if flag:\n        z = p\n    else:\n        z = 'ok'\n    os.system(z)\n";
    assert_eq!(flows(src), vec![7]);
}

#[test]
fn loops_and_with_and_comprehensions() {
    let src = "def v():\n    items = request.args.get('q')\n    for it in items:\n        os.system(it)\n    with open(request.args.get('f')) as fh:\n        os.system(fh.read())\n    cmds = [c.strip() for c in items]\n    os.system(cmds[0])\n";
    assert_eq!(flows(src), vec![4, 6, 8]);
}

#[test]
fn attributes_and_subscripts() {
    let src = "def v(self):\n    self.cmd = request.args.get('q')\n    os.system(self.cmd)\n    self.other = 'x'\n    os.system(self.other)\n";
    assert_eq!(flows(src), vec![3]);
}

#[test]
fn interprocedural_argument_reaches_sink_in_helper() {
    let src = "def run(c):\n    os.system(c)\n\ndef safe(c):\n    os.system('ls')\n\ndef view():\n    q = request.args.get('q')\n    run(q)\n    safe(q)\n";
    assert_eq!(flows(src), vec![2]);
}

#[test]
fn interprocedural_helper_returns_tainted_data() {
    let src = "def get_q():\n    return request.args.get('q')\n\ndef const():\n    return 'ls'\n\ndef view():\n    a = get_q()\n    os.system(a)\n    b = const()\n    os.system(b)\n";
    assert_eq!(flows(src), vec![9]);
}

#[test]
fn interprocedural_passthrough_and_methods() {
    let src = "class H:\n    def wrap(self, x):\n        return 'echo ' + x\n    def go(self, y):\n        os.system(y)\n\ndef ident(x):\n    return x\n\ndef view(h):\n    q = request.args.get('q')\n    os.system(ident(q))\n    h.go(h.wrap(q))\n    os.system(ident('ls'))\n";
    assert_eq!(flows(src), vec![5, 12]);
}

#[test]
fn trace_is_recorded() {
    let l = rampart_sast::rules::load_str(RULE, "r.yaml", rampart_sast::Origin::User);
    let e = rampart_sast::Engine::new(l.rules);
    let src =
        "def run(c):\n    os.system(c)\n\ndef view():\n    q = request.args.get('q')\n    run(q)\n";
    let m = e.scan_source("a.py", src);
    assert_eq!(m.len(), 1);
    let f = e.to_finding("a.py", src, &m[0]).unwrap();
    let trace = f.properties["trace"].as_array().unwrap();
    let lines: Vec<u64> = trace.iter().map(|s| s["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, vec![5, 6, 2]);
}

#[test]
fn propagators_and_focused_sources() {
    let y = r#"
rules:
  - id: p
    message: m
    severity: ERROR
    languages: [python]
    mode: taint
    pattern-sources:
      - patterns:
          - pattern-inside: |
              @app.get(...)
              def $F(..., $P, ...):
                ...
          - pattern: $P
          - focus-metavariable: $P
    pattern-propagators:
      - pattern: $TO.append($FROM)
        from: $FROM
        to: $TO
    pattern-sinks:
      - pattern: eval(...)
"#;
    let src = "@app.get('/x')\ndef h(name):\n    parts = []\n    parts.append(name)\n    eval(parts[0])\n    eval('1')\n\ndef other(name):\n    eval(name)\n";
    assert_eq!(lines(y, src), vec![5]);
}

#[test]
fn local_variables_in_methods() {
    let src = "class V:\n    def get(self, x):\n        region = request.args.get('region')\n        os.system('ls ' + region)\n";
    assert_eq!(flows(src), vec![4]);
}

#[test]
fn sanitising_helper_inline_in_sink() {
    let src = "def quoted(v):\n    return shlex.quote(v)\n\ndef main():\n    p = request.args.get('p')\n    safe = quoted(p)\n    os.system('sha ' + safe)\n    os.system('sha ' + quoted(p))\n    os.system('sha ' + p)\n";
    assert_eq!(flows(src), vec![9]);
}

/// Containers with constant keys and indices are tracked element by element.
#[test]
fn constant_keys_and_indices_are_element_sensitive() {
    let v = |body: &str| flows(&format!("def v():\n    q = request.form['q']\n{body}"));
    // Dict: another constant key is clean, the tainted key is not, an unknown key is.
    assert_eq!(
        v(
            "    d = {'a': q, 'b': 'ls'}\n    os.system(d['b'])\n    os.system(d['a'])\n    os.system(d[k])\n    os.system(d.get('b'))\n    os.system(d.get('a'))\n"
        ),
        vec![5, 6, 8]
    );
    // List: index, negative index, slicing.
    assert_eq!(
        v(
            "    xs = ['ls', q, 'pwd']\n    os.system(xs[0])\n    os.system(xs[-2])\n    os.system(xs[2])\n    ys = xs[:1]\n    os.system(' '.join(ys))\n    os.system(' '.join(xs[1:]))\n"
        ),
        vec![5, 9]
    );
    // pop / remove / del / clear / popleft remove the tainted element.
    assert_eq!(
        v("    xs = [q, 'ls']\n    xs.pop(0)\n    os.system(xs[0])\n"),
        Vec::<u32>::new()
    );
    assert_eq!(
        v("    xs = ['ls', q]\n    t = xs.pop()\n    os.system(xs[0])\n    os.system(t)\n"),
        vec![6]
    );
    assert_eq!(
        v(
            "    xs = ['a', 'b']\n    xs.append(q)\n    xs.remove('a')\n    os.system(xs[0])\n    os.system(xs[1])\n"
        ),
        vec![7]
    );
    assert_eq!(
        v("    d = {'a': q, 'b': 'ls'}\n    del d['a']\n    os.system(' '.join(d.values()))\n"),
        Vec::<u32>::new()
    );
    assert_eq!(
        v("    xs = [q]\n    xs.clear()\n    xs.append('ls')\n    os.system(xs[0])\n"),
        Vec::<u32>::new()
    );
    assert_eq!(
        v(
            "    dq = deque()\n    dq.append(q)\n    dq.append('ls')\n    dq.popleft()\n    os.system(dq[0])\n"
        ),
        Vec::<u32>::new()
    );
    // A constant store replaces the element; a store at an unknown key taints everything.
    assert_eq!(
        v(
            "    xs = [q, 'x']\n    xs[0] = 'ls'\n    os.system(xs[0])\n    xs[i] = q\n    os.system(xs[1])\n"
        ),
        vec![7]
    );
    // Handed to a call, the container may change: its elements are no longer trusted apart.
    assert_eq!(
        v("    xs = ['ls', 'pwd']\n    fill(xs)\n    xs[0] = q\n    os.system(xs[1])\n"),
        vec![6]
    );
    // Paths that disagree about the elements fall back to the whole container.
    assert_eq!(
        v("    xs = ['ls', q]\n    if c:\n        xs.pop()\n    os.system(xs[0])\n"),
        vec![6]
    );
}

/// A source that matches a whole container literal keeps the container tainted as a whole.
#[test]
fn source_on_the_container_itself_is_not_split() {
    let y = "rules:\n  - id: star\n    message: m\n    severity: INFO\n    languages: [python]\n    mode: taint\n    pattern-sources:\n      - pattern: '[..., \"*\", ...]'\n    pattern-sinks:\n      - pattern: allow($X)\n";
    assert_eq!(
        common::lines(y, "origins = ['*']\nallow(origins)\nallow(origins[0])\n"),
        vec![2, 3]
    );
}
