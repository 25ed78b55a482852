//! Inline suppression comments are read from scanned (untrusted) files.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_core::finding::{Evidence, Region};
use rampart_core::{Confidence, Finding, Location, Rule, Severity};

fuzz_target!(|data: &[u8]| {
    let rule = Rule {
        id: "fuzz/rule".into(),
        scanner: if data.first().is_some_and(|b| b & 1 == 1) { "sast".into() } else { "secrets".into() },
        title: "t".into(),
        severity: Severity::High,
        confidence: Confidence::High,
        description: "d".into(),
        rationale: String::new(),
        example: None,
        remediation: String::new(),
        references: vec![],
        cwe: vec![],
        owasp: vec![],
        owasp_llm: vec![],
        ssdf: vec![],
        tags: vec![],
    };
    let lines = data.iter().filter(|&&b| b == b'\n').count() as u32 + 2;
    let mut findings: Vec<Finding> = (0..lines.min(64))
        .map(|l| Finding::new(&rule, Location::file("f", Some(Region::line(l))), "m"))
        .collect();
    rampart_core::suppress::apply_inline(&mut findings, data);
    let text = String::from_utf8_lossy(data).into_owned();
    let n = text.len();
    let ev = Evidence::with_sensitive(text, vec![0..n / 2, n / 3..n, n..n + 5]);
    let _ = ev.render(false);
});
