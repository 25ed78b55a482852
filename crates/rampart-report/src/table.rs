//! The human report: findings grouped by severity (critical first), each with its location, message,
//! a code frame of the (redacted) evidence and the fix; then diagnostics; then a summary line.
//!
//! Everything printed comes from scanned files, so control characters and bidirectional-override
//! characters are shown escaped: a file cannot move the cursor, recolour the terminal or hide text
//! (Trojan Source, CVE-2021-42574) through rampart's output.

use std::fmt::Write as _;
use std::io::Write;

use anstyle::{AnsiColor, Style};
use rampart_core::scanner::DiagnosticLevel;
use rampart_core::{Finding, Severity};

use crate::{Report, ReportError, human_duration};

/// Locations listed per finding before "and N more".
const MAX_LOCATIONS: usize = 10;
/// Code-frame lines per finding before the frame is cut.
const MAX_FRAME_LINES: usize = 12;
/// Characters per code-frame line before it is cut (minified files have very long lines).
const MAX_FRAME_WIDTH: usize = 200;

pub(crate) fn write(report: &Report<'_>, out: &mut dyn Write) -> Result<(), ReportError> {
    let p = Painter {
        color: report.opts.color,
    };
    let mut s = String::new();

    for sev in Severity::ALL {
        let group: Vec<&Finding> = report.active().filter(|f| f.severity == sev).collect();
        if group.is_empty() {
            continue;
        }
        let header = format!("{} ({})", sev.as_str().to_ascii_uppercase(), group.len());
        let _ = writeln!(s, "{}", p.paint(&header, severity_style(sev).underline()));
        s.push('\n');
        for f in group {
            finding(&mut s, &p, f, None);
        }
    }

    let suppressed: Vec<&Finding> = report.suppressed().collect();
    if report.opts.show_suppressed && !suppressed.is_empty() {
        let header = format!("SUPPRESSED ({})", suppressed.len());
        let _ = writeln!(s, "{}", p.paint(&header, dim().underline()));
        s.push('\n');
        for f in suppressed.iter().copied() {
            let why = f.suppression.as_ref().map(|sup| {
                let mut why = format!("suppressed by {}", sup.source);
                if let Some(reason) = &sup.reason {
                    let _ = write!(why, ": {reason}");
                }
                if let Some(expires) = &sup.expires {
                    let _ = write!(why, " (until {expires})");
                }
                why
            });
            finding(&mut s, &p, f, why.as_deref());
        }
    }

    if !report.result.diagnostics.is_empty() {
        let _ = writeln!(s, "{}", p.paint("Diagnostics", Style::new().bold()));
        for d in &report.result.diagnostics {
            let style = match d.level {
                DiagnosticLevel::Error => color(AnsiColor::Red),
                DiagnosticLevel::Warning => color(AnsiColor::Yellow),
                DiagnosticLevel::Note => dim(),
            };
            let _ = writeln!(s, "  {}", p.paint(&clean(&d.display()), style));
        }
        s.push('\n');
    }

    summary(&mut s, &p, report, suppressed.len());
    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn finding(s: &mut String, p: &Painter, f: &Finding, suppressed_because: Option<&str>) {
    let badge = format!(" {} ", f.severity.as_str().to_ascii_uppercase());
    let badge_style = if suppressed_because.is_some() {
        dim()
    } else {
        badge_style(f.severity)
    };
    let _ = writeln!(
        s,
        "{} {}  {}",
        p.paint(&badge, badge_style),
        p.paint(&clean(&f.rule_id), Style::new().bold()),
        clean(&f.title)
    );
    for loc in f.locations.iter().take(MAX_LOCATIONS) {
        let _ = writeln!(
            s,
            "  {} {}",
            p.paint("-->", color(AnsiColor::Blue)),
            clean(&loc.display())
        );
    }
    if f.locations.len() > MAX_LOCATIONS {
        let _ = writeln!(
            s,
            "      and {} more locations",
            f.locations.len() - MAX_LOCATIONS
        );
    }
    // `rampart ci --diff-base`: whether the change introduced the finding (it gates) or not.
    if let Some(status) = f.properties.get("diff").and_then(|v| v.as_str()) {
        let reason = f
            .properties
            .get("diff_reason")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let label = match status {
            "new" => p.paint("new in this change:", color(AnsiColor::Yellow)),
            _ => p.paint(&format!("{status}, does not gate:"), dim()),
        };
        let _ = writeln!(s, "  {label} {}", clean(reason));
    }
    for line in f.message.lines() {
        let _ = writeln!(s, "  {}", clean(line));
    }
    if let Some(evidence) = &f.evidence {
        code_frame(
            s,
            p,
            &evidence.text,
            f.locations.first().and_then(|l| l.start_line()),
        );
    }
    if let Some(why) = suppressed_because {
        let _ = writeln!(s, "  {} {}", p.paint("note:", dim()), clean(why));
    } else if !f.remediation.trim().is_empty() {
        let mut lines = f.remediation.trim().lines();
        if let Some(first) = lines.next() {
            let _ = writeln!(
                s,
                "  {} {}",
                p.paint("fix:", color(AnsiColor::Green)),
                clean(first)
            );
        }
        for line in lines {
            let _ = writeln!(s, "       {}", clean(line));
        }
    }
    s.push('\n');
}

/// The evidence lines, numbered from the finding's first line when it is known.
fn code_frame(s: &mut String, p: &Painter, text: &str, start_line: Option<u32>) {
    let lines: Vec<&str> = text.trim_end_matches(['\n', '\r']).lines().collect();
    if lines.is_empty() {
        return;
    }
    let last = start_line.map(|l| l.saturating_add(lines.len().min(MAX_FRAME_LINES) as u32 - 1));
    let width = last.map_or(0, |l| l.to_string().len());
    let gutter = color(AnsiColor::Blue);
    let _ = writeln!(s, "  {} {}", " ".repeat(width), p.paint("|", gutter));
    for (i, line) in lines.iter().take(MAX_FRAME_LINES).enumerate() {
        let number =
            start_line.map_or_else(String::new, |l| l.saturating_add(i as u32).to_string());
        let _ = writeln!(
            s,
            "  {} {} {}",
            p.paint(&format!("{number:>width$}"), gutter),
            p.paint("|", gutter),
            clip(&clean(line), MAX_FRAME_WIDTH)
        );
    }
    if lines.len() > MAX_FRAME_LINES {
        let more = lines.len() - MAX_FRAME_LINES;
        let _ = writeln!(
            s,
            "  {} {} … {more} more lines",
            " ".repeat(width),
            p.paint("|", gutter)
        );
    }
    let _ = writeln!(s, "  {} {}", " ".repeat(width), p.paint("|", gutter));
}

fn summary(s: &mut String, p: &Painter, report: &Report<'_>, suppressed: usize) {
    let counts = report.counts();
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let mut parts = Vec::new();
    for (sev, n) in counts {
        let text = format!("{n} {sev}");
        parts.push(if n > 0 {
            p.paint(&text, severity_style(sev))
        } else {
            text
        });
    }
    let stats = &report.result.stats;
    let headline = if total == 0 {
        p.paint("No findings", color(AnsiColor::Green).bold())
    } else {
        p.paint(
            &format!("{total} finding{}", if total == 1 { "" } else { "s" }),
            Style::new().bold(),
        )
    };
    let _ = writeln!(
        s,
        "{headline}: {} · {suppressed} suppressed · {} file{} scanned in {}",
        parts.join(", "),
        stats.files_scanned,
        if stats.files_scanned == 1 { "" } else { "s" },
        human_duration(stats.duration_ms)
    );
}

/// Applies a style only when colour is on.
struct Painter {
    color: bool,
}

impl Painter {
    fn paint(&self, text: &str, style: Style) -> String {
        if self.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
}

fn color(c: AnsiColor) -> Style {
    Style::new().fg_color(Some(c.into()))
}

fn dim() -> Style {
    Style::new().dimmed()
}

fn severity_style(sev: Severity) -> Style {
    match sev {
        Severity::Critical => color(AnsiColor::Magenta).bold(),
        Severity::High => color(AnsiColor::Red).bold(),
        Severity::Medium => color(AnsiColor::Yellow).bold(),
        Severity::Low => color(AnsiColor::Cyan),
        Severity::Info => dim(),
    }
}

fn badge_style(sev: Severity) -> Style {
    let bg = match sev {
        Severity::Critical => AnsiColor::Magenta,
        Severity::High => AnsiColor::Red,
        Severity::Medium => AnsiColor::Yellow,
        Severity::Low => AnsiColor::Cyan,
        Severity::Info => AnsiColor::BrightBlack,
    };
    Style::new()
        .bg_color(Some(bg.into()))
        .fg_color(Some(AnsiColor::Black.into()))
        .bold()
}

/// Shows control and bidi-override characters as `\u{..}` escapes; keeps tabs as spaces.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str("    "),
            c if c.is_control() || is_bidi_control(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

fn clip(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_escapes_terminal_controls() {
        assert_eq!(clean("a\x1b[31mb"), "a\\u{1b}[31mb");
        assert_eq!(clean("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(clean("é\t."), "é    .");
    }

    #[test]
    fn clip_counts_characters() {
        assert_eq!(clip("ééééé", 3), "ééé…");
        assert_eq!(clip("abc", 3), "abc");
    }
}
