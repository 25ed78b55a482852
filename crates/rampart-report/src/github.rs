//! GitHub Actions workflow commands (`::error file=…,line=…::message`), printed when rampart
//! runs inside Actions so findings appear as annotations on the changed files.

use rampart_core::{Finding, Location, Severity};

/// Escaping of a command's message (GitHub's rule: `%`, CR and LF).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of a command's properties: the message rule plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One annotation line per unsuppressed finding that has a file location (findings must already
/// be redacted: pass the output of a report's preparation, or findings without secrets).
pub fn annotations(findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings.iter().filter(|f| !f.is_suppressed()) {
        let level = match f.severity {
            Severity::Critical | Severity::High => "error",
            Severity::Medium => "warning",
            Severity::Low | Severity::Info => "notice",
        };
        let (file, line, end) = match f.primary_location() {
            Location::File { path, region } | Location::Git { path, region, .. } => (
                Some(path.as_str()),
                region.map(|r| r.start_line),
                region.map(|r| r.end_line.max(r.start_line)),
            ),
            Location::Package { manifest, line, .. } => (Some(manifest.as_str()), *line, *line),
            Location::Image { path, line, .. } => (Some(path.as_str()), *line, *line),
            Location::Url { .. } => (None, None, None),
        };
        let mut props = Vec::new();
        if let Some(file) = file {
            props.push(format!("file={}", escape_property(file)));
        }
        if let Some(l) = line.filter(|l| *l > 0) {
            props.push(format!("line={l}"));
            if let Some(e) = end.filter(|e| *e > l) {
                props.push(format!("endLine={e}"));
            }
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("{} ({})", f.title, f.rule_id))
        ));
        let mut message = f.message.clone();
        if let Some(status) = f.properties.get("diff").and_then(|v| v.as_str()) {
            message.push_str(&format!(" [{status}]"));
        }
        if let Location::Url { .. } = f.primary_location() {
            message = format!("{}: {message}", f.primary_location().display());
        }
        out.push_str(&format!(
            "::{level} {}::{}\n",
            props.join(","),
            escape_data(&message)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rampart_core::finding::Region;
    use rampart_core::{Confidence, Rule};

    #[test]
    fn commands_are_escaped() {
        let rule = Rule::new(
            "py/x",
            "sast",
            "Bad, very: bad",
            Severity::High,
            Confidence::High,
            "d",
        );
        let f = Finding::new(
            &rule,
            Location::file(
                "dir/a,b:c.py",
                Some(Region {
                    start_line: 3,
                    start_column: 1,
                    end_line: 4,
                    end_column: 2,
                }),
            ),
            "100% bad\nreally",
        );
        let text = annotations(&[f]);
        assert_eq!(
            text,
            "::error file=dir/a%2Cb%3Ac.py,line=3,endLine=4,title=Bad%2C very%3A bad (py/x)::100%25 bad%0Areally\n"
        );
    }
}
