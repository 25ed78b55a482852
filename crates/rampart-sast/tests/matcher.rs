//! The pattern language, one operator at a time: each case must match and a near miss must not.
mod common;
use common::{lines, pat, rule};

#[test]
fn call_with_ellipsis_and_metavariables() {
    let src = "import os\nos.system(cmd)\nos.system()\nos.popen(cmd)\n";
    assert_eq!(pat("os.system(...)", src), vec![2, 3]);
    assert_eq!(pat("os.system($X)", src), vec![2]);
    assert_eq!(pat("os.$F($X)", src), vec![2, 4]);
}

#[test]
fn metavariables_unify() {
    let src = "a == a\na == b\nx.y == x.y\n";
    assert_eq!(pat("$X == $X", src), vec![1, 3]);
}

#[test]
fn anonymous_metavariable_does_not_unify() {
    assert_eq!(pat("f($_, $_)", "f(1, 2)\nf(1)\n"), vec![1]);
}

#[test]
fn ellipsis_in_arguments_positions() {
    let src = "f(1, 2, 3)\nf(3)\nf(1, 2)\n";
    assert_eq!(pat("f(..., 3)", src), vec![1, 2]);
    assert_eq!(pat("f(1, ...)", src), vec![1, 3]);
    assert_eq!(pat("f(..., 2, ...)", src), vec![1, 3]);
}

#[test]
fn keyword_arguments_any_order() {
    let src = "import subprocess\nsubprocess.run(cmd, shell=True, check=True)\nsubprocess.run(cmd, check=True, shell=False)\nsubprocess.run(cmd, shell=True)\n";
    assert_eq!(pat("subprocess.run(..., shell=True, ...)", src), vec![2, 4]);
    assert_eq!(pat("subprocess.run($C, shell=True)", src), vec![4]);
    assert_eq!(
        pat("subprocess.run($C, check=True, shell=True)", src),
        vec![2]
    );
}

#[test]
fn ellipsis_metavariable_binds_a_sequence() {
    let y = rule(
        "patterns:\n  - pattern: f($...ARGS)\n  - metavariable-regex:\n      metavariable: $...ARGS\n      regex: .*secret",
    );
    assert_eq!(lines(&y, "f(1, secret)\nf(1, 2)\n"), vec![1]);
}

#[test]
fn string_ellipsis_metavariable_and_regex() {
    let src = "h('md5')\nh(\"sha256\")\nh(x)\nh(f\"{x}\")\n";
    assert_eq!(pat("h(\"...\")", src), vec![1, 2]);
    assert_eq!(pat("h('md5')", src), vec![1]);
    assert_eq!(pat("h(\"=~/sha\\d+/\")", src), vec![2]);
}

#[test]
fn deep_expression() {
    let src = "eval(a + input())\neval(a + b)\n";
    assert_eq!(pat("eval(<... input() ...>)", src), vec![1]);
}

#[test]
fn import_aliases_resolve() {
    let src = "import subprocess as sp\nfrom pickle import loads\nfrom os import path as p\nsp.call(x)\nloads(b)\np.join(a)\ncall(x)\n";
    assert_eq!(pat("subprocess.call(...)", src), vec![4]);
    assert_eq!(pat("pickle.loads(...)", src), vec![5]);
    assert_eq!(pat("os.path.join(...)", src), vec![6]);
}

#[test]
fn statement_sequences_with_ellipsis() {
    let src = "f = open(p)\nx = 1\nf.close()\ng = open(q)\n";
    assert_eq!(pat("$F = open(...)\n...\n$F.close()", src), vec![1]);
    assert_eq!(pat("$F = open(...)\n$F.close()", src), Vec::<u32>::new());
}

#[test]
fn function_definitions_and_returns() {
    let src = "def a(x, y):\n    return x\n\ndef b() -> int:\n    return 1\n";
    assert_eq!(pat("def $F(...):\n  ...", src), vec![1, 4]);
    assert_eq!(pat("def $F($A, $B):\n  ...", src), vec![1]);
    assert_eq!(pat("return 1", src), vec![5]);
}

#[test]
fn patterns_and_not() {
    let y = rule(
        "patterns:\n  - pattern: requests.get(...)\n  - pattern-not: requests.get(..., timeout=$T, ...)",
    );
    assert_eq!(
        lines(
            &y,
            "import requests\nrequests.get(u)\nrequests.get(u, timeout=3)\n"
        ),
        vec![2]
    );
}

#[test]
fn pattern_either() {
    let y = rule("pattern-either:\n  - pattern: hashlib.md5(...)\n  - pattern: hashlib.sha1(...)");
    assert_eq!(
        lines(
            &y,
            "import hashlib\nhashlib.md5(b)\nhashlib.sha1(b)\nhashlib.sha256(b)\n"
        ),
        vec![2, 3]
    );
}

#[test]
fn pattern_inside_and_not_inside() {
    let src = "def view(request):\n    eval(x)\n\ndef other():\n    eval(y)\n\nwith safe():\n    eval(z)\n";
    let inside = rule(
        "patterns:\n  - pattern: eval(...)\n  - pattern-inside: |\n      def $F(request):\n        ...",
    );
    assert_eq!(lines(&inside, src), vec![2]);
    let not_inside = rule(
        "patterns:\n  - pattern: eval(...)\n  - pattern-not-inside: |\n      with safe():\n        ...",
    );
    assert_eq!(lines(&not_inside, src), vec![2, 5]);
}

#[test]
fn pattern_regex_and_not_regex() {
    let src = "password = 'hunter2'\npassword = 'changeme'  # example\n";
    assert_eq!(
        lines(&rule("pattern-regex: password\\s*=\\s*'[^']+'"), src),
        vec![1, 2]
    );
    let y = rule(
        "patterns:\n  - pattern-regex: password\\s*=\\s*'[^']+'\n  - pattern-not-regex: changeme",
    );
    assert_eq!(lines(&y, src), vec![1]);
}

#[test]
fn metavariable_regex_is_left_anchored() {
    let y = rule(
        "patterns:\n  - pattern: $F(...)\n  - metavariable-regex:\n      metavariable: $F\n      regex: (md5|sha1)",
    );
    assert_eq!(lines(&y, "md5(x)\nsha1(x)\nnot_md5(x)\n"), vec![1, 2]);
}

#[test]
fn metavariable_pattern() {
    let y = rule(
        "patterns:\n  - pattern: run($X)\n  - metavariable-pattern:\n      metavariable: $X\n      pattern-either:\n        - pattern: input(...)\n        - pattern: sys.argv",
    );
    assert_eq!(
        lines(&y, "run(input())\nrun(sys.argv)\nrun('ls')\n"),
        vec![1, 2]
    );
}

#[test]
fn metavariable_comparison() {
    let y = rule(
        "patterns:\n  - pattern: rsa.generate_private_key(..., key_size=$S, ...)\n  - metavariable-comparison:\n      metavariable: $S\n      comparison: $S < 2048",
    );
    assert_eq!(
        lines(
            &y,
            "rsa.generate_private_key(e, key_size=1024)\nrsa.generate_private_key(e, key_size=4096)\n"
        ),
        vec![1]
    );
}

#[test]
fn focus_metavariable_narrows_the_range() {
    let y = rule(
        "patterns:\n  - pattern: |\n      def $F(...):\n        ...\n        $BAD\n  - pattern-inside: |\n      def $F(...):\n        ...\n  - focus-metavariable: $BAD\n  - pattern: eval(...)",
    );
    assert_eq!(lines(&y, "def f():\n    x = 1\n    eval(y)\n"), vec![3]);
}

#[test]
fn assignment_and_attribute_patterns() {
    let src = "app.debug = True\napp.debug = False\nDEBUG = True\n";
    assert_eq!(pat("$APP.debug = True", src), vec![1]);
    assert_eq!(pat("DEBUG = True", src), vec![3]);
}

#[test]
fn fix_and_message_interpolation() {
    let y = "rules:\n  - id: yaml-load\n    message: use safe_load instead of $F\n    severity: ERROR\n    languages: [python]\n    pattern: yaml.$F($X)\n    fix: yaml.safe_load($X)\n";
    let l = rampart_sast::rules::load_str(y, "y.yaml", rampart_sast::Origin::User);
    let e = rampart_sast::Engine::new(l.rules);
    let src = "import yaml\nyaml.load(data)\n";
    let m = e.scan_source("a.py", src);
    assert_eq!(m.len(), 1);
    let f = e.to_finding("a.py", src, &m[0]).unwrap();
    assert_eq!(f.message, "use safe_load instead of load");
    assert_eq!(f.properties["fix"], "yaml.safe_load(data)");
    assert_eq!(f.rule_id, "user/yaml-load");
}

#[test]
fn string_literal_patterns_do_not_match_interpolating_fstrings() {
    let src = "run('ls')\nrun(f'ls {x}')\nrun(f'ls')\n";
    assert_eq!(pat("run(\"...\")", src), vec![1, 3]);
    assert_eq!(pat("run(f\"...\")", src), vec![2, 3]);
}

#[test]
fn string_patterns_see_through_single_constant_assignments() {
    let src = "data = \"None\"\neval(data)\nother = \"x\"\nother = input()\neval(other)\ndef f(p):\n    eval(p)\n";
    assert_eq!(pat("eval(\"...\")", src), vec![2]);
    let y = rule("patterns:\n  - pattern: eval($X)\n  - pattern-not: eval(\"...\")");
    assert_eq!(lines(&y, src), vec![5, 7]);
}

#[test]
fn method_call_on_self_in_nested_blocks() {
    let src = "class C:\n    def f(self, r):\n        self._lock.acquire()\n        try:\n            for c in self.make(r):\n                if self._p.ok(c, r):\n                    self.set_cookie(c)\n        finally:\n            self._lock.release()\n";
    let y = rule(
        "patterns:\n  - pattern: $RESP.set_cookie(...)\n  - pattern-not: $RESP.set_cookie(..., secure=True, ...)\n  - pattern-not: $RESP.set_cookie(..., **$OPTS)",
    );
    assert_eq!(lines(&y, src), vec![7]);
}

#[test]
fn module_member_metavariable_through_from_import() {
    let src = "from subprocess import Popen\nimport os\nPopen(cmd, shell=True)\nos.Popen(cmd, shell=True)\n";
    assert_eq!(
        pat("subprocess.$FN($C, ..., shell=True, ...)", src),
        vec![3]
    );
}
