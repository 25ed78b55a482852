//! Inline suppression comments are read from scanned (untrusted) files.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_core::finding::{Evidence, Region};
use rampart_core::{Confidence, Finding, Location, Rule, Severity};

fuzz_target!(|data: &[u8]| {
    let scanner = if data.first().is_some_and(|b| b & 1 == 1) { "sast" } else { "secrets" };
    let rule = Rule::new("fuzz/rule", scanner, "t", Severity::High, Confidence::High, "d");
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
