//! The walk and the pipeline, driven by a test-only scanner that reports every line containing
//! `FINDME` — the product has no such scanner.

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rampart_core::baseline::Baseline;
use rampart_core::config::Config;
use rampart_core::finding::{Evidence, Region};
use rampart_core::pipeline::{gate_fails, postprocess};
use rampart_core::scanner::FileInfo;
use rampart_core::walk::{build_excludes, scan_tree};
use rampart_core::{
    Confidence, FileTarget, Finding, Fingerprint, Location, Rule, ScanContext, ScanOutput, Scanner,
    Severity, SuppressionKind,
};

struct MarkerScanner {
    rule: Rule,
    seen: Mutex<Vec<String>>,
    reads: AtomicUsize,
}

impl MarkerScanner {
    fn new() -> Self {
        MarkerScanner {
            rule: Rule {
                cwe: vec![798],
                ..Rule::new(
                    "test/findme",
                    "test",
                    "Marker found",
                    Severity::High,
                    Confidence::High,
                    "Reports FINDME.",
                )
            },
            seen: Mutex::new(Vec::new()),
            reads: AtomicUsize::new(0),
        }
    }
}

impl Scanner for MarkerScanner {
    fn name(&self) -> &'static str {
        "test"
    }
    fn rules(&self) -> Vec<Rule> {
        vec![self.rule.clone()]
    }
    fn wants(&self, file: &FileInfo<'_>, _: &ScanContext) -> bool {
        !file.is_binary
    }
    fn scan_file(&self, _: &ScanContext, file: &FileTarget<'_>, out: &mut ScanOutput) {
        self.reads.fetch_add(1, Ordering::Relaxed);
        self.seen
            .lock()
            .unwrap()
            .push(file.info.rel_path.to_string());
        let Some(content) = file.content else { return };
        let mut offset = 0;
        for line in content.split(|&b| b == b'\n') {
            if let Some(pos) = line.windows(6).position(|w| w == b"FINDME") {
                let start = offset + pos;
                let token = &content[start..start + 6];
                out.push(
                    Finding::new(
                        &self.rule,
                        Location::file(
                            file.info.rel_path,
                            Some(Region::from_byte_range(content, start..start + 6)),
                        ),
                        "marker",
                    )
                    .with_evidence(Evidence::plain(String::from_utf8_lossy(line)))
                    .with_fingerprint(Fingerprint::from_parts([self.rule.id.as_bytes(), token])),
                );
            }
            offset += line.len() + 1;
        }
    }
}

/// A second scanner that wants the same files, to check each file is read once for both.
struct CountingScanner(AtomicUsize);
impl Scanner for CountingScanner {
    fn name(&self) -> &'static str {
        "count"
    }
    fn rules(&self) -> Vec<Rule> {
        vec![]
    }
    fn wants(&self, file: &FileInfo<'_>, _: &ScanContext) -> bool {
        file.rel_path.ends_with(".txt")
    }
    fn scan_file(&self, _: &ScanContext, file: &FileTarget<'_>, _: &mut ScanOutput) {
        assert!(file.content.is_some());
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}

fn write(root: &Path, rel: &str, text: &[u8]) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "a.txt", b"one\nFINDME here\n");
    write(
        r,
        "sub/b.txt",
        b"x\ny\nFINDME again  # rampart:ignore[test/findme] known\n",
    );
    write(r, "ignored/c.txt", b"FINDME\n");
    write(r, ".gitignore", b"ignored/\n");
    write(r, "private/d.txt", b"FINDME\n");
    write(r, ".rampartignore", b"private/\n");
    write(r, "vendor/e.txt", b"FINDME\n");
    write(r, "bin.dat", b"FINDME\0\0binary");
    write(r, ".git/config", b"FINDME\n");
    dir
}

fn run(
    root: &Path,
    scanners: &[Box<dyn Scanner>],
    exclude: &[&str],
) -> rampart_core::pipeline::ScanResult {
    let ctx = ScanContext::new(root);
    let ex = build_excludes(&exclude.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
    scan_tree(&ctx, scanners, &ex, &|_| {}).unwrap()
}

#[test]
fn walk_respects_ignores_excludes_binaries_and_git_dir() {
    let dir = tree();
    let scanner = Box::new(MarkerScanner::new());
    let scanners: Vec<Box<dyn Scanner>> = vec![scanner];
    let result = run(dir.path(), &scanners, &["vendor/**"]);
    let paths: Vec<String> = result
        .findings
        .iter()
        .flat_map(|f| {
            f.locations
                .iter()
                .filter_map(|l| l.path().map(str::to_string))
        })
        .collect();
    // a.txt and sub/b.txt share the fingerprint (same token): one finding, two locations.
    assert_eq!(result.findings.len(), 1, "{:#?}", result.findings);
    assert_eq!(paths, vec!["a.txt".to_string(), "sub/b.txt".to_string()]);
    assert_eq!(result.findings[0].locations[0].start_line(), Some(2));
}

#[test]
fn inline_suppression_marks_but_keeps_and_files_are_read_once() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "x.txt",
        b"FINDME # rampart:ignore reason here\n",
    );
    write(dir.path(), "y.txt", b"nothing\n");
    let counting = CountingScanner(AtomicUsize::new(0));
    let scanners: Vec<Box<dyn Scanner>> = vec![Box::new(MarkerScanner::new()), Box::new(counting)];
    let result = run(dir.path(), &scanners, &[]);
    assert_eq!(result.findings.len(), 1);
    let s = result.findings[0].suppression.as_ref().expect("suppressed");
    assert_eq!(s.kind, SuppressionKind::Inline);
    assert_eq!(s.reason.as_deref(), Some("reason here"));
    assert!(!gate_fails(&result, Severity::Low));
    assert_eq!(result.stats.files_scanned, 2);
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_root_and_loops_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.txt", b"FINDME outside\n");
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in.txt", b"clean\n");
    std::os::unix::fs::symlink(outside.path(), dir.path().join("escape")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        dir.path().join("escape.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    write(dir.path(), "inner/ok.txt", b"FINDME inside\n");
    std::os::unix::fs::symlink(
        dir.path().join("inner/ok.txt"),
        dir.path().join("alias.txt"),
    )
    .unwrap();
    let scanners: Vec<Box<dyn Scanner>> = vec![Box::new(MarkerScanner::new())];
    let result = run(dir.path(), &scanners, &[]);
    let paths: Vec<&str> = result
        .findings
        .iter()
        .flat_map(|f| f.locations.iter().filter_map(|l| l.path()))
        .collect();
    assert!(paths.iter().all(|p| !p.starts_with("escape")), "{paths:?}");
    assert!(paths.contains(&"inner/ok.txt"));
}

#[test]
fn ignore_list_and_baseline_suppress_and_gate_follows() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"FINDME\n");
    let scanners: Vec<Box<dyn Scanner>> = vec![Box::new(MarkerScanner::new())];
    let today: jiff::civil::Date = "2026-11-28".parse().unwrap();

    let mut result = run(dir.path(), &scanners, &[]);
    postprocess(&mut result, &Config::default(), None, today).unwrap();
    assert!(gate_fails(&result, Severity::High));
    assert!(!gate_fails(&result, Severity::Critical));

    // Baseline: the same finding is suppressed; a new one (different token) is not.
    let baseline = Baseline::from_findings(&result.findings);
    write(dir.path(), "a.txt", b"\n\nFINDME\n");
    let mut moved = run(dir.path(), &scanners, &[]);
    postprocess(
        &mut moved,
        &Config::default(),
        Some((&baseline, "base.json")),
        today,
    )
    .unwrap();
    assert!(
        moved.findings[0].is_suppressed(),
        "moving a line keeps the fingerprint"
    );
    assert!(!gate_fails(&moved, Severity::Info));

    let config = Config::parse(
        "[[ignore]]\nrule = \"test/findme\"\npath = \"*.txt\"\nreason = \"accepted\"\nexpires = \"2020-01-01\"\n",
        "rampart.toml",
    )
    .unwrap();
    let mut expired = run(dir.path(), &scanners, &[]);
    postprocess(&mut expired, &config, None, today).unwrap();
    assert!(!expired.findings[0].is_suppressed());
    assert!(
        expired
            .diagnostics
            .iter()
            .any(|d| d.message.contains("expired"))
    );

    let config = Config::parse(
        "[rules.\"test/findme\"]\nseverity = \"low\"\n",
        "rampart.toml",
    )
    .unwrap();
    let mut lowered = run(dir.path(), &scanners, &[]);
    postprocess(&mut lowered, &config, None, today).unwrap();
    assert!(!gate_fails(&lowered, Severity::High));
    assert_eq!(lowered.findings[0].severity, Severity::Low);
}
