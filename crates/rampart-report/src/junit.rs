//! JUnit XML for CI test dashboards (GitLab, Jenkins, Azure Pipelines...).
//!
//! One `<testsuite>` per scanner that ran or reported, one `<testcase>` per rule × location:
//! a `<failure>` for an unsuppressed finding, `<skipped>` for a suppressed one. A last suite,
//! `rampart`, holds one testcase named `rampart` that passes when there is no unsuppressed finding,
//! so a clean scan still shows one green test rather than an empty report.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

use rampart_core::{Finding, Location};

use crate::{Report, ReportError};

#[derive(Default)]
struct Suite<'a> {
    cases: Vec<(&'a Finding, usize)>,
    diagnostics: Vec<String>,
}

pub(crate) fn write(report: &Report<'_>, out: &mut dyn Write) -> Result<(), ReportError> {
    let mut suites: BTreeMap<&str, Suite<'_>> = BTreeMap::new();
    for name in &report.result.stats.scanners {
        suites.entry(name.as_str()).or_default();
    }
    for f in report.findings {
        let suite = suites.entry(f.scanner.as_str()).or_default();
        for i in 0..f.locations.len().max(1) {
            suite.cases.push((f, i));
        }
    }
    for d in &report.result.diagnostics {
        suites
            .entry(d.scanner.as_str())
            .or_default()
            .diagnostics
            .push(d.display());
    }

    let active: usize = report.active().map(|f| f.locations.len().max(1)).sum();
    let skipped: usize = report.suppressed().map(|f| f.locations.len().max(1)).sum();
    let tests = active + skipped + 1;
    let failures = active + usize::from(active > 0);
    let time = seconds(report.result.stats.duration_ms);

    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        s,
        "<testsuites name=\"rampart\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" time=\"{time}\">"
    );
    for (name, suite) in &suites {
        let failures = suite
            .cases
            .iter()
            .filter(|(f, _)| !f.is_suppressed())
            .count();
        let skipped = suite.cases.len() - failures;
        let _ = writeln!(
            s,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">",
            escape_xml(name),
            suite.cases.len()
        );
        for (f, i) in &suite.cases {
            testcase(&mut s, f, *i);
        }
        if !suite.diagnostics.is_empty() {
            let _ = writeln!(
                s,
                "    <system-err>{}</system-err>",
                escape_text(&suite.diagnostics.join("\n"))
            );
        }
        s.push_str("  </testsuite>\n");
    }

    let _ = writeln!(
        s,
        "  <testsuite name=\"rampart\" tests=\"1\" failures=\"{}\" errors=\"0\" skipped=\"0\" time=\"{time}\">",
        usize::from(active > 0)
    );
    let _ = write!(
        s,
        "    <testcase name=\"rampart\" classname=\"rampart\" time=\"{time}\""
    );
    if active > 0 {
        let counts: Vec<String> = report
            .counts()
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(sev, n)| format!("{n} {sev}"))
            .collect();
        let message = format!("{active} unsuppressed finding(s): {}", counts.join(", "));
        let _ = writeln!(
            s,
            ">\n      <failure message=\"{}\" type=\"rampart\"/>\n    </testcase>",
            escape_xml(&message)
        );
    } else {
        s.push_str("/>\n");
    }
    let stats = &report.result.stats;
    let _ = writeln!(
        s,
        "    <system-out>{}</system-out>",
        escape_text(&format!(
            "{} files scanned, {} skipped, {} bytes; scanners: {}; {} suppressed",
            stats.files_scanned,
            stats.files_skipped,
            stats.bytes_scanned,
            stats.scanners.join(", "),
            skipped
        ))
    );
    s.push_str("  </testsuite>\n</testsuites>\n");

    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn testcase(s: &mut String, f: &Finding, index: usize) {
    let loc = f.locations.get(index);
    let place = loc.map_or_else(|| "(no location)".to_string(), |l| l.display());
    let _ = write!(
        s,
        "    <testcase name=\"{}\" classname=\"{}\"",
        escape_xml(&format!("{} at {place}", f.rule_id)),
        escape_xml(&f.rule_id)
    );
    // A path inside a container image is not a file of the repository a CI tool could link to.
    let repo_path = loc
        .filter(|l| !matches!(l, Location::Image { .. }))
        .and_then(|l| l.path());
    if let Some(path) = repo_path {
        let _ = write!(s, " file=\"{}\"", escape_xml(path));
    }
    if let Some(line) = loc.and_then(|l| l.start_line()) {
        let _ = write!(s, " line=\"{line}\"");
    }
    s.push_str(">\n");

    if let Some(sup) = &f.suppression {
        let mut why = format!("suppressed by {}", sup.source);
        if let Some(reason) = &sup.reason {
            let _ = write!(why, ": {reason}");
        }
        let _ = writeln!(s, "      <skipped message=\"{}\"/>", escape_xml(&why));
    } else {
        let mut body = format!(
            "{}\nrule: {}\nseverity: {}\nconfidence: {}\nlocation: {place}\nfingerprint: {}\n",
            f.title, f.rule_id, f.severity, f.confidence, f.fingerprint
        );
        if !f.cwe.is_empty() {
            let cwe: Vec<String> = f.cwe.iter().map(|c| format!("CWE-{c}")).collect();
            let _ = writeln!(body, "cwe: {}", cwe.join(", "));
        }
        if let Some(e) = &f.evidence {
            // Redacted by `prepare`.
            let _ = writeln!(body, "evidence:\n{}", e.text.trim_end());
        }
        if !f.remediation.trim().is_empty() {
            let _ = writeln!(body, "fix: {}", f.remediation.trim());
        }
        let _ = writeln!(
            s,
            "      <failure message=\"{}\" type=\"{}\">{}</failure>",
            escape_xml(&f.message),
            f.severity,
            escape_text(&body)
        );
    }
    s.push_str("    </testcase>\n");
}

fn seconds(ms: u64) -> String {
    format!("{}.{:03}", ms / 1000, ms % 1000)
}

/// Escapes text for XML 1.0 content and attribute values.
///
/// `& < > " '` become entities; tab, newline and carriage return become character references (so
/// attribute values keep them); every other character XML 1.0 forbids (C0 controls, U+FFFE,
/// U+FFFF) cannot be written even as a reference, so it is shown as `\u{..}`.
pub fn escape_xml(text: &str) -> String {
    escape(text, false)
}

/// Escapes element content: like [`escape_xml`], but keeps line breaks and tabs literal so
/// multi-line failure bodies stay readable.
fn escape_text(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, literal_breaks: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // Quotes need escaping in attribute values only.
            '"' | '\'' | '\t' | '\n' if literal_breaks => out.push(c),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            escape_xml(r#"a&b<c>d"e'f"#),
            "a&amp;b&lt;c&gt;d&quot;e&apos;f"
        );
        assert_eq!(escape_xml("x\u{0}y\u{1b}z"), "x\\u{0}y\\u{1b}z");
        assert_eq!(escape_xml("l1\nl2\tt\r"), "l1&#10;l2&#9;t&#13;");
        assert_eq!(escape_xml("\u{ffff}é"), "\\u{ffff}é");
        assert_eq!(escape_xml("\u{7f}"), "\u{7f}");
    }

    #[test]
    fn text_keeps_line_breaks() {
        assert_eq!(escape_text("a<\nb\tc\r\"'"), "a&lt;\nb\tc&#13;\"'");
        assert_eq!(escape_text("\n\n"), "\n\n");
    }
}
