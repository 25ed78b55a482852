//! A Markdown summary for pull-request comments and `$GITHUB_STEP_SUMMARY`: counts per severity,
//! a table of findings (at most [`MAX_ROWS`], then "and N more"), suppressed findings folded in a
//! `<details>` block, diagnostics, and a footer. No evidence is printed, so no secret either.
//!
//! Cells come from scanned files; they are escaped so they cannot break the table (`|`, newlines)
//! or inject HTML into the comment (`<`, `>`, `&`).

use std::fmt::Write as _;
use std::io::Write;

use rampart_core::{Finding, Severity, SuppressionKind};

use crate::{Report, ReportError, human_duration};

/// Rows per table: a PR comment is limited to 65 536 characters.
pub(crate) const MAX_ROWS: usize = 100;

pub(crate) fn write(report: &Report<'_>, out: &mut dyn Write) -> Result<(), ReportError> {
    let mut s = String::new();
    let active: Vec<&Finding> = report.active().collect();
    let suppressed: Vec<&Finding> = report.suppressed().collect();

    let headline = match active.len() {
        0 => "no findings".to_string(),
        1 => "1 finding".to_string(),
        n => format!("{n} findings"),
    };
    let _ = writeln!(s, "## rampart: {headline}\n");
    s.push_str("| Severity | Count |\n|:---|---:|\n");
    for (sev, n) in report.counts() {
        let _ = writeln!(s, "| {} | {n} |", label(sev));
    }
    let _ = writeln!(s, "| Suppressed | {} |\n", suppressed.len());

    if !active.is_empty() {
        s.push_str(
            "### Findings\n\n| Severity | Rule | Location | Message |\n|:---|:---|:---|:---|\n",
        );
        for f in active.iter().take(MAX_ROWS) {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} |",
                label(f.severity),
                code(&f.rule_id),
                code(&location(f)),
                escape_cell(&f.message)
            );
        }
        if active.len() > MAX_ROWS {
            let _ = writeln!(
                s,
                "\n…and {} more findings (see the JSON or SARIF report for all of them).",
                active.len() - MAX_ROWS
            );
        }
        s.push('\n');
    }

    if !suppressed.is_empty() {
        let _ = writeln!(
            s,
            "<details>\n<summary>{} suppressed finding{}</summary>\n",
            suppressed.len(),
            if suppressed.len() == 1 { "" } else { "s" }
        );
        s.push_str(
            "| Severity | Rule | Location | Suppressed by | Reason |\n|:---|:---|:---|:---|:---|\n",
        );
        for f in suppressed.iter().take(MAX_ROWS) {
            let (by, reason) =
                f.suppression
                    .as_ref()
                    .map_or((String::new(), String::new()), |sup| {
                        let kind = match sup.kind {
                            SuppressionKind::Inline => "inline",
                            SuppressionKind::Config => "config",
                            SuppressionKind::Baseline => "baseline",
                        };
                        (
                            format!("{kind}: {}", escape_cell(&sup.source)),
                            escape_cell(sup.reason.as_deref().unwrap_or("")),
                        )
                    });
            let _ = writeln!(
                s,
                "| {} | {} | {} | {by} | {reason} |",
                label(f.severity),
                code(&f.rule_id),
                code(&location(f))
            );
        }
        if suppressed.len() > MAX_ROWS {
            let _ = writeln!(
                s,
                "\n…and {} more suppressed findings.",
                suppressed.len() - MAX_ROWS
            );
        }
        s.push_str("\n</details>\n\n");
    }

    let diagnostics = &report.result.diagnostics;
    if !diagnostics.is_empty() {
        let _ = writeln!(
            s,
            "<details>\n<summary>{} diagnostic{}</summary>\n",
            diagnostics.len(),
            if diagnostics.len() == 1 { "" } else { "s" }
        );
        for d in diagnostics.iter().take(MAX_ROWS) {
            let _ = writeln!(s, "- {}", escape_cell(&d.display()));
        }
        if diagnostics.len() > MAX_ROWS {
            let _ = writeln!(s, "- …and {} more", diagnostics.len() - MAX_ROWS);
        }
        s.push_str("\n</details>\n\n");
    }

    let stats = &report.result.stats;
    let mut footer = format!(
        "<sub>rampart {} · {} file{} scanned in {}",
        escape_cell(&report.opts.tool_version),
        stats.files_scanned,
        if stats.files_scanned == 1 { "" } else { "s" },
        human_duration(stats.duration_ms)
    );
    if !stats.scanners.is_empty() {
        let _ = write!(
            footer,
            " · scanners: {}",
            escape_cell(&stats.scanners.join(", "))
        );
    }
    footer.push_str("</sub>\n");
    s.push_str(&footer);

    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn label(sev: Severity) -> &'static str {
    match sev {
        Severity::Critical => "Critical",
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
        Severity::Info => "Info",
    }
}

fn location(f: &Finding) -> String {
    let Some(first) = f.locations.first() else {
        return String::new();
    };
    match f.locations.len() {
        1 => first.display(),
        n => format!("{} (+{} more)", first.display(), n - 1),
    }
}

/// Escapes text for one cell of a GitHub-flavoured Markdown table.
///
/// `|` is escaped as `\|` (GFM honours that even inside code spans), line breaks become `<br>`,
/// `<`, `>` and `&` become entities so cell text cannot open HTML tags, and other control
/// characters are dropped. Markdown emphasis characters are backslash-escaped so a message is
/// shown as written.
pub fn escape_cell(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '|' => out.push_str("\\|"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("<br>");
                }
            }
            '\n' => out.push_str("<br>"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '*' | '_' | '`' | '[' | ']' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A code span when the text allows one; escaped plain text otherwise.
fn code(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    if text.contains('`') || text.chars().any(|c| c.is_control()) {
        return escape_cell(text);
    }
    // Inside a code span only `|` needs escaping; `<` and `&` are shown literally.
    format!("`{}`", text.replace('|', "\\|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(escape_cell("a|b"), "a\\|b");
        assert_eq!(escape_cell("one\r\ntwo\nthree"), "one<br>two<br>three");
        assert_eq!(escape_cell("<img src=x>"), "&lt;img src=x&gt;");
        assert_eq!(escape_cell("*bold* `x`"), "\\*bold\\* \\`x\\`");
        assert_eq!(escape_cell("bell\u{7}"), "bell");
    }

    #[test]
    fn code_spans_escape_pipes_only() {
        assert_eq!(code("a|b<c"), "`a\\|b<c`");
        assert_eq!(code("has`tick"), "has\\`tick");
    }
}
