#![allow(dead_code)]
use rampart_sast::Engine;
use rampart_sast::rules::{Origin, load_str};

/// Lines (1-based) reported by the single rule `body` (YAML under `rules:`) on `src`.
pub fn lines(rule_yaml: &str, src: &str) -> Vec<u32> {
    let l = load_str(rule_yaml, "test.yaml", Origin::User);
    assert!(l.errors.is_empty(), "rule errors: {:?}", l.errors);
    assert_eq!(l.rules.len(), 1, "expected one rule");
    let e = Engine::new(l.rules);
    let mut v: Vec<u32> = e
        .scan_source("t.py", src)
        .iter()
        .map(|m| rampart_core::finding::line_col(src.as_bytes(), m.start as usize).0)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// A search rule with the given operator block (indented YAML under the rule).
pub fn rule(body: &str) -> String {
    let mut s = String::from(
        "rules:\n  - id: t\n    message: m $X\n    severity: WARNING\n    languages: [python]\n",
    );
    for l in body.lines() {
        s.push_str("    ");
        s.push_str(l);
        s.push('\n');
    }
    s
}

pub fn pat(p: &str, src: &str) -> Vec<u32> {
    lines(
        &rule(&format!("pattern: |\n  {}", p.replace('\n', "\n  "))),
        src,
    )
}
