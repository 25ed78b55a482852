//! The `sast` scanner through the `rampart_core::Scanner` contract: user rule directories,
//! disabled rules, finding metadata and fingerprints, and rule errors.
use std::path::Path;

use rampart_core::scanner::FileInfo;
use rampart_core::{FileTarget, ScanContext, ScanOutput, Scanner};
use rampart_sast::{SastConfig, SastError, SastScanner};

const USER_RULE: &str = r#"
rules:
  - id: no_eval
    message: eval of $X
    severity: ERROR
    languages: [python]
    metadata:
      cwe: "CWE-95: Eval Injection"
      owasp: A03:2021 - Injection
    pattern: eval($X)
"#;

fn scan(s: &SastScanner, rel: &str, src: &str) -> ScanOutput {
    let ctx = ScanContext::new("/nonexistent");
    let info = FileInfo {
        path: Path::new(rel),
        rel_path: rel,
        size: src.len() as u64,
        head: src.as_bytes(),
        is_binary: false,
    };
    assert!(s.wants(&info, &ctx));
    let mut out = ScanOutput::default();
    s.scan_file(
        &ctx,
        &FileTarget {
            info,
            content: Some(src.as_bytes()),
        },
        &mut out,
    );
    out
}

#[test]
fn user_rules_run_with_their_metadata() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("myrules");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("r.yaml"), USER_RULE).unwrap();
    let s = SastScanner::new(&SastConfig {
        rule_dirs: vec![dir.clone()],
        builtin: false,
        ..Default::default()
    })
    .unwrap();
    let out = scan(&s, "app/a.py", "x = 1\neval(data)\n");
    assert_eq!(out.findings.len(), 1);
    let f = &out.findings[0];
    // Named by its directory, as Semgrep names rules of a directory.
    assert_eq!(f.rule_id, "user/myrules.no-eval");
    assert_eq!(f.scanner, "sast");
    assert_eq!(f.cwe, vec![95]);
    assert_eq!(f.owasp, vec!["A03:2021".to_string()]);
    assert_eq!(f.message, "eval of data");
    assert_eq!(f.primary_location().start_line(), Some(2));
    assert_eq!(f.properties["semgrep_id"], "myrules.no_eval");
    // Moving the code keeps the fingerprint.
    let moved = scan(&s, "app/a.py", "import os\n\n\nx = 1\neval(data)\n");
    assert_eq!(moved.findings[0].fingerprint, f.fingerprint);
}

#[test]
fn disabled_rules_and_non_python_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.yaml"), USER_RULE).unwrap();
    let cfg = SastConfig {
        rule_dirs: vec![dir.path().to_path_buf()],
        builtin: false,
        disabled_rules: vec!["no_eval".into()],
        ..Default::default()
    };
    let s = SastScanner::new(&cfg).unwrap();
    assert!(s.rules().is_empty());
    let info = FileInfo {
        path: Path::new("a.js"),
        rel_path: "a.js",
        size: 3,
        head: b"x=1",
        is_binary: false,
    };
    assert!(!s.wants(&info, &ScanContext::new(".")));
}

#[test]
fn rule_errors_fail_construction_when_no_user_rule_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.yaml"),
        USER_RULE.replace("pattern: eval($X)", "pattern: eval($X)\n    extract: foo"),
    )
    .unwrap();
    let err = SastScanner::new(&SastConfig {
        rule_dirs: vec![dir.path().to_path_buf()],
        builtin: false,
        ..Default::default()
    })
    .err()
    .expect("must fail");
    let msg = err.to_string();
    assert!(matches!(err, SastError::Rules(_)));
    assert!(
        msg.contains("bad.yaml")
            && msg.contains("no_eval")
            && msg.contains("unsupported feature `extract`"),
        "{msg}"
    );
    assert!(
        SastScanner::new(&SastConfig {
            rule_dirs: vec!["/no/such/dir".into()],
            ..Default::default()
        })
        .is_err()
    );
}

#[test]
fn prefilter_skips_files_without_the_literals() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.yaml"), USER_RULE).unwrap();
    let s = SastScanner::new(&SastConfig {
        rule_dirs: vec![dir.path().to_path_buf()],
        builtin: false,
        ..Default::default()
    })
    .unwrap();
    // No `eval` anywhere: nothing to parse, nothing found; with it, found.
    assert!(s.scan_text("a.py", "x = compile(y)\n").is_empty());
    assert_eq!(s.scan_text("a.py", "eval(y)\n").len(), 1);
}

#[test]
fn builtin_pack_finds_ml_and_web_issues() {
    let s = SastScanner::new(&SastConfig::default()).unwrap();
    let src = "import torch\nfrom flask import Flask, request\nimport os\napp = Flask(__name__)\n\n@app.route('/r')\ndef r():\n    os.system('ls ' + request.args.get('d'))\n    return 'ok'\n\nm = torch.load('model.pt')\n";
    let out = scan(&s, "svc.py", src);
    let ids: Vec<&str> = out.findings.iter().map(|f| f.rule_id.as_str()).collect();
    assert!(
        out.findings
            .iter()
            .any(|f| f.cwe.contains(&78) && f.primary_location().start_line() == Some(8)),
        "{ids:?}"
    );
    assert!(
        out.findings
            .iter()
            .any(|f| f.cwe.contains(&502) && f.primary_location().start_line() == Some(11)),
        "{ids:?}"
    );
    let taint = out.findings.iter().find(|f| f.cwe.contains(&78)).unwrap();
    assert!(
        taint.properties.contains_key("trace"),
        "{:?}",
        taint.properties
    );
}

#[test]
fn identical_matches_keep_distinct_fingerprints() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.yaml"), USER_RULE).unwrap();
    let s = SastScanner::new(&SastConfig {
        rule_dirs: vec![dir.path().to_path_buf()],
        builtin: false,
        ..Default::default()
    })
    .unwrap();
    let a = s.scan_text("a.py", "eval(data)\nx = 1\neval(data)\n");
    assert_eq!(a.len(), 2);
    assert_ne!(a[0].fingerprint, a[1].fingerprint);
    let b = s.scan_text("a.py", "import os\neval(data)\nx = 1\n\neval(data)\n");
    assert_eq!(a[0].fingerprint, b[0].fingerprint);
    assert_eq!(a[1].fingerprint, b[1].fingerprint);
}

#[test]
fn django_class_based_view_local_variable_flow() {
    let s = SastScanner::new(&SastConfig::default()).unwrap();
    let src = "from django.db import connection\nfrom django.views import View\n\nclass V(View):\n    def get(self, request):\n        region = self.request.GET.get(\"region\", \"eu\")\n        with connection.cursor() as cur:\n            cur.execute(\"SELECT * FROM t WHERE r = '{}'\".format(region))\n";
    let out = s.scan_text("views.py", src);
    assert!(
        out.iter()
            .any(|f| f.cwe.contains(&89) && f.primary_location().start_line() == Some(8)),
        "{:?}",
        out.iter()
            .map(|f| (&f.rule_id, f.primary_location().start_line()))
            .collect::<Vec<_>>()
    );
}

#[test]
fn every_occurrence_of_an_identical_statement_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let rule = "rules:\n  - id: c\n    message: m\n    severity: INFO\n    languages: [python]\n    patterns:\n      - pattern: $R.set_cookie(...)\n      - pattern-not: $R.set_cookie(..., secure=True, ...)\n";
    std::fs::write(dir.path().join("c.yaml"), rule).unwrap();
    let s = SastScanner::new(&SastConfig {
        rule_dirs: vec![dir.path().to_path_buf()],
        builtin: false,
        ..Default::default()
    })
    .unwrap();
    // Different indentation: the fingerprint ignores it, the occurrence number must not.
    let src = "class J:\n    def a(self, c):\n        self.set_cookie(c)\n\n    def b(self, c):\n        if c:\n            self.set_cookie(c)\n";
    let out = s.scan_text("j.py", src);
    let lines: Vec<u32> = out
        .iter()
        .filter_map(|f| f.primary_location().start_line())
        .collect();
    assert_eq!(lines, vec![3, 7]);
    assert_ne!(out[0].fingerprint, out[1].fingerprint);
}

/// A real rule tree: the same id in two directories, a rule with a feature rampart lacks, and
/// invalid YAML. Ids are qualified by path, so both same-id rules run; the two broken files are
/// skipped with a diagnostic naming the file, the rule and the feature; the rest run.
#[test]
fn rule_directory_with_clashing_ids_and_unsupported_rules_runs_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("python");
    let a = root.join("cryptography/security");
    let b = root.join("pycryptodome/security");
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let rule = |pat: &str| {
        format!(
            "rules:\n  - id: weak-cipher\n    message: weak cipher\n    severity: WARNING\n    languages: [python]\n    pattern: {pat}\n"
        )
    };
    std::fs::write(a.join("weak.yaml"), rule("algorithms.ARC4(...)")).unwrap();
    std::fs::write(b.join("weak.yaml"), rule("ARC4.new(...)")).unwrap();
    std::fs::write(
        b.join("odd.yaml"),
        "rules:\n  - id: odd\n    message: m\n    severity: INFO\n    languages: [python]\n    pattern: foo()\n    join: {}\n",
    )
    .unwrap();
    std::fs::write(root.join("broken.yaml"), "rules: [\n").unwrap();
    let s = SastScanner::new(&SastConfig {
        rule_dirs: vec![root.clone()],
        builtin: false,
        ..Default::default()
    })
    .expect("one bad rule must not abort the scan");
    let mut ids: Vec<String> = s.rules().into_iter().map(|r| r.id).collect();
    ids.sort();
    assert_eq!(
        ids,
        vec![
            "user/python.cryptography.security.weak-cipher",
            "user/python.pycryptodome.security.weak-cipher"
        ]
    );
    let out = scan(
        &s,
        "app/c.py",
        "c1 = algorithms.ARC4(key)\nc2 = ARC4.new(key)\nfoo()\n",
    );
    let mut got: Vec<(String, u32)> = out
        .findings
        .iter()
        .map(|f| {
            (
                f.rule_id.clone(),
                f.primary_location().start_line().unwrap(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            ("user/python.cryptography.security.weak-cipher".into(), 1),
            ("user/python.pycryptodome.security.weak-cipher".into(), 2)
        ]
    );
    let mut fin = ScanOutput::default();
    s.finish(&ScanContext::new("/nonexistent"), &mut fin);
    let diags: Vec<String> = fin
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.path.as_deref().unwrap_or(""), d.message))
        .collect();
    assert!(
        diags
            .iter()
            .any(|d| d.contains("odd.yaml") && d.contains("`odd`") && d.contains("`join`")),
        "{diags:?}"
    );
    assert!(
        diags
            .iter()
            .any(|d| d.contains("broken.yaml") && d.contains("invalid YAML")),
        "{diags:?}"
    );
}
