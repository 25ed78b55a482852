//! Time and output size of each format for a large synthetic scan.
//!
//! `cargo bench -p rampart-report --bench render -- [FINDINGS] [FORMAT...]` (default 50 000 findings over
//! 2 000 files, 1 in 10 suppressed, every third with redacted secret evidence).

// Sensitive spans are a list of ranges; one range is the common case.
#![allow(clippy::single_range_in_vec_init)]

use std::time::Instant;

use rampart_core::finding::Region;
use rampart_core::pipeline::{ScanResult, ScanStats};
use rampart_core::{
    Confidence, Evidence, Finding, Fingerprint, Location, Rule, RuleRegistry, Severity,
    Suppression, SuppressionKind,
};
use rampart_report::{Format, RenderOptions, render};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(50_000);
    let only: Vec<Format> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let mut registry = RuleRegistry::new();
    let rules: Vec<Rule> = (0..40)
        .map(|i| Rule {
            rationale: "Because.".into(),
            remediation: "Do the right thing.".into(),
            references: vec!["https://example.com/rule".into()],
            cwe: vec![79 + i as u32],
            owasp: vec!["A03:2021".into()],
            ssdf: vec!["PW.7.2".into()],
            ..Rule::new(
                format!("bench/rule-{i}"),
                ["secrets", "sast", "sca", "models"][i % 4],
                format!("Benchmark rule {i}"),
                Severity::ALL[i % 5],
                Confidence::Medium,
                "A rule for the benchmark.",
            )
        })
        .collect();
    for r in &rules {
        registry.insert(r.clone()).expect("valid rule");
    }
    let findings: Vec<Finding> = (0..n)
        .map(|i| {
            let rule = &rules[i % rules.len()];
            let line = (i % 500) as u32 + 1;
            let region = Region {
                start_line: line,
                start_column: 5,
                end_line: line,
                end_column: 40,
            };
            let mut f = Finding::new(
                rule,
                Location::file(
                    format!("src/module_{}/file_{}.py", i % 50, i % 2000),
                    Some(region),
                ),
                format!("Finding number {i} with a message of ordinary length"),
            )
            .with_fingerprint(Fingerprint::from_parts([rule.id.as_str(), &i.to_string()]));
            if i % 3 == 0 {
                let text = format!("    api_key = \"sk_live_{i:0>24}\"");
                f = f.with_evidence(Evidence::with_sensitive(&text, vec![15..text.len() - 1]));
            }
            if i % 10 == 0 {
                f.suppression = Some(Suppression {
                    kind: SuppressionKind::Inline,
                    source: "rampart:ignore".into(),
                    reason: Some("benchmark".into()),
                    expires: None,
                });
            }
            f
        })
        .collect();
    let result = ScanResult {
        findings,
        diagnostics: vec![],
        stats: ScanStats {
            files_scanned: 2000,
            duration_ms: 1000,
            ..ScanStats::default()
        },
    };
    let opts = RenderOptions::default();
    println!("{n} findings");
    for format in Format::ALL {
        if !only.is_empty() && !only.contains(&format) {
            continue;
        }
        let mut out = Vec::new();
        let start = Instant::now();
        render(format, &result, &registry, &opts, &mut out).expect("render");
        let elapsed = start.elapsed();
        println!(
            "{format:>8}: {:>8.1} ms  {:>7.1} MiB",
            elapsed.as_secs_f64() * 1000.0,
            out.len() as f64 / (1024.0 * 1024.0)
        );
    }
}
