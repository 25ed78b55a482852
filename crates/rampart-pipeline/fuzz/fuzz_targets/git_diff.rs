//! `git diff` output of a repository under scan (file names, hunk headers and content are the
//! repository's): the parser and the classification built on it must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_core::finding::Region;
use rampart_core::{Confidence, Evidence, Finding, Location, Rule, Severity};
use rampart_pipeline::{BaseIndex, ChangeSet, classify};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(change) = ChangeSet::parse_git_diff(&text) else {
        return;
    };
    let rule = Rule::new("py/fuzz", "sast", "t", Severity::High, Confidence::High, "d");
    let mut findings: Vec<Finding> = change
        .files
        .keys()
        .take(8)
        .enumerate()
        .map(|(i, path)| {
            Finding::new(
                &rule,
                Location::file(
                    path.clone(),
                    Some(Region {
                        start_line: i as u32,
                        start_column: 1,
                        end_line: u32::MAX - i as u32,
                        end_column: 1,
                    }),
                ),
                "m",
            )
            .with_evidence(Evidence::plain(path.clone()))
            .with_property("trace", serde_json::json!([{"kind": "source", "line": u64::MAX}]))
        })
        .collect();
    let base = BaseIndex::from_findings(&findings);
    classify(&mut findings, &change, &base);
});
