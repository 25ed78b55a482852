//! A self-contained HTML report: one file a reviewer can open from a CI artifact, with no network
//! access at all (no CDN, fonts or images; a Content-Security-Policy forbids every fetch).
//!
//! The summary, the practice × severity chart and the coverage matrices are written here, on the
//! server side, so they read the same with scripting off. The findings travel as JSON in a
//! `<script type="application/json">` block and `html/app.js` builds the filterable list from it
//! with `textContent` only: scanned content (messages, code frames, paths) is untrusted and must
//! never be parsed as markup. Redaction happened in [`crate::prepare`] before this module runs.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write;

use rampart_core::rule::{owasp_2021_name, owasp_llm_2025_name, ssdf_practice_name};
use rampart_core::{Finding, Severity, SuppressionKind};
use serde::Serialize;

use crate::{Report, ReportError, human_duration};

const TEMPLATE: &str = include_str!("html/template.html");
const STYLE: &str = include_str!("html/style.css");
const SCRIPT: &str = include_str!("html/app.js");

/// Practices in the order a delivery pipeline meets them; scanners outside this list (custom
/// rule directories, future scanners) follow in name order.
const PRACTICES: [&str; 7] = ["secrets", "sast", "sca", "models", "iac", "image", "dast"];

const OWASP_2021: [&str; 10] = [
    "A01:2021", "A02:2021", "A03:2021", "A04:2021", "A05:2021", "A06:2021", "A07:2021", "A08:2021",
    "A09:2021", "A10:2021",
];

const OWASP_LLM_2025: [&str; 10] = [
    "LLM01:2025",
    "LLM02:2025",
    "LLM03:2025",
    "LLM04:2025",
    "LLM05:2025",
    "LLM06:2025",
    "LLM07:2025",
    "LLM08:2025",
    "LLM09:2025",
    "LLM10:2025",
];

/// SSDF practices (not tasks): rules name tasks (`PW.7.2`) and practices (`PW.7`); both count
/// for the practice, which is the level compliance reviews ask about.
const SSDF_PRACTICES: [&str; 15] = [
    "PO.1", "PO.3", "PO.5", "PS.1", "PS.2", "PS.3", "PW.1", "PW.4", "PW.5", "PW.6", "PW.7", "PW.8",
    "PW.9", "RV.1", "RV.2",
];

pub(crate) fn write(report: &Report<'_>, out: &mut dyn Write) -> Result<(), ReportError> {
    let practices = practices(report);
    let data = Data::new(report, &practices);
    let json = script_json(&serde_json::to_string(&data)?);

    let mut title = String::from("rampart report");
    let active = report.active().count();
    let _ = write!(
        title,
        ": {active} finding{}",
        if active == 1 { "" } else { "s" }
    );

    let html = fill(TEMPLATE, |name, s| match name {
        "TITLE" => s.push_str(&escape(&title)),
        "STYLE" => s.push_str(STYLE),
        "SCRIPT" => s.push_str(SCRIPT),
        "DATA" => s.push_str(&json),
        "META" => meta(report, s),
        "SUMMARY" => summary(report, s),
        "CHART" => chart(report, &practices, s),
        "COVERAGE" => coverage(report, &practices, s),
        "BASELINE" => baseline(report, s),
        "SSDF" => ssdf_evidence(report, s),
        "DIAGNOSTICS" => diagnostics(report, s),
        _ => {}
    });
    out.write_all(html.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// The SSDF evidence of a pipeline stage run: each SP 800-218 task, its status and the runs
/// that evidence it. Nothing when the report is not from `rampart ci`.
fn ssdf_evidence(report: &Report<'_>, s: &mut String) {
    let Some(ev) = report.ssdf else { return };
    s.push_str("\n<section class=\"panel\" id=\"ssdf-evidence\">\n<h2>NIST SSDF (SP 800-218) evidence</h2>\n");
    s.push_str("<table class=\"matrix\"><thead><tr><th>task</th><th>status</th><th>how rampart covers it</th><th>evidence</th></tr></thead><tbody>\n");
    for t in ev.coverage() {
        let evidence: Vec<String> = t
            .evidence
            .iter()
            .map(|&i| {
                let r = &ev.runs[i];
                format!(
                    "{} {} at {} on {} ({}): {}, {} finding(s), {} gating",
                    r.stage,
                    r.scanner,
                    r.started_at,
                    r.commit
                        .as_deref()
                        .map_or("no commit", |c| &c[..c.len().min(12)]),
                    r.target,
                    r.status,
                    r.findings,
                    r.gating
                )
            })
            .collect();
        let _ = writeln!(
            s,
            "<tr data-task=\"{}\" data-status=\"{}\"><th title=\"{}\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&t.id),
            escape(t.status.as_str()),
            escape(&t.summary),
            escape(&t.id),
            escape(t.status.as_str()),
            escape(&t.how),
            escape(&evidence.join("; "))
        );
    }
    s.push_str("</tbody></table>\n</section>");
}

/// Replaces each `{{NAME}}` of the template by what `emit` writes. Only the template is
/// scanned for markers, never the inserted text, so a finding containing `{{DATA}}` stays text.
fn fill(template: &str, mut emit: impl FnMut(&str, &mut String)) -> String {
    let mut s = String::with_capacity(template.len() + 64 * 1024);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            break;
        };
        s.push_str(&rest[..start]);
        emit(&rest[start + 2..start + 2 + len], &mut s);
        rest = &rest[start + 2 + len + 2..];
    }
    s.push_str(rest);
    s
}

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape_html(text: &str) -> String {
    escape(text)
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// JSON made safe inside `<script>`: `<`, `>` and `&` cannot close the element or open a
/// comment, and U+2028/U+2029 are escaped for engines that still treat them as line ends.
/// These characters only occur inside JSON strings, where the `\uXXXX` forms mean the same.
fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The scanners to show: every known practice in pipeline order, whether it ran or not (the
/// matrices are meant to show what did not run), then any other scanner that ran or reported.
fn practices(report: &Report<'_>) -> Vec<String> {
    let mut seen: BTreeSet<&str> = report
        .result
        .stats
        .scanners
        .iter()
        .map(String::as_str)
        .collect();
    seen.extend(report.findings.iter().map(|f| f.scanner.as_str()));
    let mut out: Vec<String> = PRACTICES.iter().map(|p| p.to_string()).collect();
    out.extend(
        seen.iter()
            .filter(|s| !PRACTICES.contains(s))
            .map(|s| s.to_string()),
    );
    out
}

fn ran(report: &Report<'_>, scanner: &str) -> bool {
    report.result.stats.scanners.iter().any(|s| s == scanner)
}

fn meta(report: &Report<'_>, s: &mut String) {
    let stats = &report.result.stats;
    let _ = write!(
        s,
        "rampart {} · {} file{} scanned in {}",
        escape(&report.opts.tool_version),
        stats.files_scanned,
        if stats.files_scanned == 1 { "" } else { "s" },
        human_duration(stats.duration_ms)
    );
    if !stats.scanners.is_empty() {
        let _ = write!(s, " · scanners: {}", escape(&stats.scanners.join(", ")));
    }
    if report.opts.show_secrets {
        s.push_str(" · <strong class=\"warn\">secrets shown in full (--show-secrets)</strong>");
    }
}

fn summary(report: &Report<'_>, s: &mut String) {
    let active = report.active().count();
    let suppressed = report.findings.len() - active;
    let _ = write!(
        s,
        "<div class=\"card total\" id=\"count-total\" data-count-total=\"{active}\">\
         <span class=\"n\">{active}</span><span class=\"l\">findings</span></div>"
    );
    for (sev, n) in report.counts() {
        let name = sev.as_str();
        let _ = write!(
            s,
            "<div class=\"card sev-{name}\" id=\"count-{name}\" data-count-{name}=\"{n}\">\
             <span class=\"n\">{n}</span><span class=\"l\">{name}</span></div>"
        );
    }
    let _ = write!(
        s,
        "<div class=\"card muted\" id=\"count-suppressed\" data-count-suppressed=\"{suppressed}\">\
         <span class=\"n\">{suppressed}</span><span class=\"l\">suppressed</span></div>"
    );
    if let Some(b) = report.baseline {
        let existing = report.suppressed().filter(|f| is_baselined(f)).count();
        let new = active;
        let fixed = b.fixed.len();
        for (key, n) in [("new", new), ("existing", existing), ("fixed", fixed)] {
            let _ = write!(
                s,
                "<div class=\"card base-{key}\" id=\"count-{key}\" data-count-{key}=\"{n}\">\
                 <span class=\"n\">{n}</span><span class=\"l\">{key}</span></div>"
            );
        }
    }
}

fn is_baselined(f: &Finding) -> bool {
    f.suppression
        .as_ref()
        .is_some_and(|s| s.kind == SuppressionKind::Baseline)
}

/// Active findings per practice and severity.
fn by_practice<'a>(report: &'a Report<'a>) -> BTreeMap<(&'a str, Severity), usize> {
    let mut m = BTreeMap::new();
    for f in report.active() {
        *m.entry((f.scanner.as_str(), f.severity)).or_insert(0) += 1;
    }
    m
}

/// A horizontal stacked bar per practice, drawn as inline SVG so the file needs no library.
fn chart(report: &Report<'_>, practices: &[String], s: &mut String) {
    let counts = by_practice(report);
    let total = |p: &str| -> usize {
        Severity::ALL
            .iter()
            .map(|sev| counts.get(&(p, *sev)).copied().unwrap_or(0))
            .sum()
    };
    let max = practices.iter().map(|p| total(p)).max().unwrap_or(0).max(1);
    const LABEL_W: usize = 90;
    const BAR_W: usize = 520;
    const ROW_H: usize = 28;
    let height = practices.len().max(1) * ROW_H + 34;
    let _ = write!(
        s,
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 {w} {height}\" \
         width=\"{w}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"chart-title\">Unsuppressed findings by practice and severity</title>",
        w = LABEL_W + BAR_W + 50
    );
    for (i, p) in practices.iter().enumerate() {
        let y = i * ROW_H + 4;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" class=\"axis\" text-anchor=\"end\">{}</text>",
            LABEL_W - 8,
            y + 15,
            escape(p)
        );
        let mut x = LABEL_W as f64;
        for sev in Severity::ALL {
            let n = counts.get(&(p.as_str(), sev)).copied().unwrap_or(0);
            if n == 0 {
                continue;
            }
            let w = n as f64 * BAR_W as f64 / max as f64;
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"20\" class=\"bar sev-{sev}\" \
                 data-practice=\"{p}\" data-severity=\"{sev}\" data-n=\"{n}\">\
                 <title>{p}: {n} {sev}</title></rect>",
                sev = sev.as_str(),
                p = escape(p),
            );
            x += w;
        }
        let t = total(p);
        let label = if t == 0 && !ran(report, p) {
            "not run".to_string()
        } else {
            t.to_string()
        };
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{}\" class=\"axis n\">{label}</text>",
            x + 6.0,
            y + 15
        );
    }
    let ly = practices.len().max(1) * ROW_H + 22;
    let mut lx = LABEL_W;
    for sev in Severity::ALL {
        let _ = write!(
            s,
            "<rect x=\"{lx}\" y=\"{}\" width=\"12\" height=\"12\" class=\"bar sev-{n}\"></rect>\
             <text x=\"{}\" y=\"{ly}\" class=\"axis\">{n}</text>",
            ly - 10,
            lx + 16,
            n = sev.as_str()
        );
        lx += 90;
    }
    s.push_str("</svg>");
}

/// One coverage matrix: a row per category, a column per practice. A cell says whether the
/// practice has rules for the category (it covers it), whether it ran, and how many
/// unsuppressed findings it reported there.
fn coverage(report: &Report<'_>, practices: &[String], s: &mut String) {
    for framework in [Framework::Owasp, Framework::Llm, Framework::Ssdf] {
        let (key, heading) = framework.names();
        let rows = framework.rows();
        let matches = |codes: &[String], code: &str| framework.matches(codes, code);
        let field = |r: &rampart_core::Rule| -> Vec<String> {
            framework.of(&r.owasp, &r.owasp_llm, &r.ssdf)
        };
        let finding_field =
            |f: &Finding| -> Vec<String> { framework.of(&f.owasp, &f.owasp_llm, &f.ssdf) };
        let _ = write!(
            s,
            "<details class=\"matrix\" open><summary><h3>{heading}</h3></summary>\
             <div class=\"scroll\"><table class=\"coverage\" id=\"coverage-{key}\"><thead><tr>\
             <th scope=\"col\">Category</th>"
        );
        for p in practices {
            let class = if ran(report, p) { "ran" } else { "not-ran" };
            let _ = write!(
                s,
                "<th scope=\"col\" class=\"{class}\" title=\"{}\">{}</th>",
                if ran(report, p) { "ran" } else { "did not run" },
                escape(p)
            );
        }
        s.push_str("</tr></thead><tbody>");
        for (code, name) in rows {
            let mut cells = String::new();
            let mut row_findings = 0;
            let mut row_covered = false;
            for p in practices {
                let covers = report
                    .rules
                    .iter()
                    .any(|r| &r.scanner == p && matches(&field(r), code));
                let n = report
                    .active()
                    .filter(|f| &f.scanner == p && matches(&finding_field(f), code))
                    .count();
                let did_run = ran(report, p);
                row_findings += n;
                row_covered |= covers && did_run;
                let (class, text, title) = match (n, covers, did_run) {
                    (n, _, _) if n > 0 => ("hit", n.to_string(), format!("{n} finding(s)")),
                    (_, true, true) => ("clean", "✓".to_string(), "checked, no findings".into()),
                    (_, true, false) => {
                        ("skipped", "·".to_string(), "has rules, did not run".into())
                    }
                    _ => ("none", String::new(), "no rules for this category".into()),
                };
                let _ = write!(
                    cells,
                    "<td class=\"{class}\" data-practice=\"{}\" data-n=\"{n}\" title=\"{title}\">{text}</td>",
                    escape(p)
                );
            }
            let state = if row_findings > 0 {
                "hit"
            } else if row_covered {
                "clean"
            } else {
                "uncovered"
            };
            let _ = write!(
                s,
                "<tr class=\"{state}\" data-category=\"{code}\" data-n=\"{row_findings}\">\
                 <th scope=\"row\"><code>{code}</code> {}</th>{cells}</tr>",
                escape(name)
            );
        }
        s.push_str("</tbody></table></div></details>");
    }
}

/// The `code → name` tables of rampart-core's `rule.rs`.
type CategoryName = fn(&str) -> Option<&'static str>;

#[derive(Clone, Copy)]
enum Framework {
    Owasp,
    Llm,
    Ssdf,
}

impl Framework {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Framework::Owasp => ("owasp", "OWASP Top 10 2021"),
            Framework::Llm => ("llm", "OWASP Top 10 for LLM Applications 2025"),
            Framework::Ssdf => ("ssdf", "NIST SSDF (SP 800-218) practices"),
        }
    }

    fn rows(self) -> Vec<(&'static str, &'static str)> {
        let (codes, name): (&[&'static str], CategoryName) = match self {
            Framework::Owasp => (&OWASP_2021, owasp_2021_name),
            Framework::Llm => (&OWASP_LLM_2025, owasp_llm_2025_name),
            Framework::Ssdf => (&SSDF_PRACTICES, ssdf_practice_name),
        };
        codes.iter().map(|c| (*c, name(c).unwrap_or(""))).collect()
    }

    fn of(self, owasp: &[String], llm: &[String], ssdf: &[String]) -> Vec<String> {
        match self {
            Framework::Owasp => owasp.to_vec(),
            Framework::Llm => llm.to_vec(),
            Framework::Ssdf => ssdf.to_vec(),
        }
    }

    fn matches(self, codes: &[String], code: &str) -> bool {
        match self {
            Framework::Ssdf => codes.iter().any(|x| ssdf_in(x, code)),
            _ => codes.iter().any(|x| x == code),
        }
    }
}

/// True when the rule's SSDF id (task `PW.7.2` or practice `PW.7`) belongs to `practice`.
fn ssdf_in(id: &str, practice: &str) -> bool {
    id == practice
        || id
            .strip_prefix(practice)
            .is_some_and(|rest| rest.starts_with('.'))
}

fn baseline(report: &Report<'_>, s: &mut String) {
    let Some(b) = report.baseline else {
        return;
    };
    let _ = write!(
        s,
        "<section id=\"baseline\" class=\"panel\"><h2>Against the baseline</h2>\
         <p>Compared with <code>{}</code>: findings not in it are <em>new</em>, findings in it \
         are <em>existing</em> (suppressed), and baseline entries no longer found are \
         <em>fixed</em>.</p>",
        escape(&b.source)
    );
    if b.fixed.is_empty() {
        s.push_str("<p class=\"muted\">No baseline entry has been fixed.</p>");
    } else {
        s.push_str(
            "<details open><summary>Fixed since the baseline</summary><ul class=\"fixed\" id=\"fixed-list\">",
        );
        for e in &b.fixed {
            let _ = write!(
                s,
                "<li data-status=\"fixed\"><code>{}</code> {} <span class=\"fp\">{}</span></li>",
                escape(&e.rule_id),
                escape(e.location.as_deref().unwrap_or("")),
                escape(&e.fingerprint)
            );
        }
        s.push_str("</ul></details>");
    }
    s.push_str("</section>");
}

fn diagnostics(report: &Report<'_>, s: &mut String) {
    let d = &report.result.diagnostics;
    if d.is_empty() {
        return;
    }
    let _ = write!(
        s,
        "<details class=\"panel\" id=\"diagnostics\"><summary>{} diagnostic{}</summary><ul>",
        d.len(),
        if d.len() == 1 { "" } else { "s" }
    );
    for diag in d {
        let _ = write!(s, "<li>{}</li>", escape(&diag.display()));
    }
    s.push_str("</ul></details>");
}

/// What `app.js` reads. Only prepared (redacted) findings go in.
#[derive(Serialize)]
struct Data<'a> {
    practices: &'a [String],
    ran: &'a [String],
    baseline: bool,
    findings: Vec<DataFinding<'a>>,
}

#[derive(Serialize)]
struct DataFinding<'a> {
    rule_id: &'a str,
    scanner: &'a str,
    severity: &'static str,
    confidence: &'static str,
    title: &'a str,
    message: &'a str,
    locations: Vec<String>,
    start_line: Option<u32>,
    evidence: Option<&'a str>,
    cwe: &'a [u32],
    owasp: &'a [String],
    owasp_llm: &'a [String],
    ssdf: &'a [String],
    remediation: &'a str,
    references: &'a [String],
    fingerprint: &'a str,
    suppression: Option<DataSuppression<'a>>,
    /// `new` or `existing` when a baseline was given.
    status: Option<&'static str>,
}

#[derive(Serialize)]
struct DataSuppression<'a> {
    kind: &'static str,
    source: &'a str,
    reason: Option<&'a str>,
}

impl<'a> Data<'a> {
    fn new(report: &'a Report<'a>, practices: &'a [String]) -> Self {
        let with_baseline = report.baseline.is_some();
        Data {
            practices,
            ran: &report.result.stats.scanners,
            baseline: with_baseline,
            findings: report
                .findings
                .iter()
                .map(|f| DataFinding {
                    rule_id: &f.rule_id,
                    scanner: &f.scanner,
                    severity: f.severity.as_str(),
                    confidence: f.confidence.as_str(),
                    title: &f.title,
                    message: &f.message,
                    locations: f.locations.iter().map(|l| l.display()).collect(),
                    start_line: f.locations.first().and_then(|l| l.start_line()),
                    evidence: f.evidence.as_ref().map(|e| e.text.as_str()),
                    cwe: &f.cwe,
                    owasp: &f.owasp,
                    owasp_llm: &f.owasp_llm,
                    ssdf: &f.ssdf,
                    remediation: &f.remediation,
                    references: &f.references,
                    fingerprint: f.fingerprint.as_str(),
                    suppression: f.suppression.as_ref().map(|s| DataSuppression {
                        kind: match s.kind {
                            SuppressionKind::Inline => "inline",
                            SuppressionKind::Config => "config",
                            SuppressionKind::Baseline => "baseline",
                        },
                        source: &s.source,
                        reason: s.reason.as_deref(),
                    }),
                    status: match (with_baseline, is_baselined(f), f.is_suppressed()) {
                        (false, _, _) => None,
                        (true, true, _) => Some("existing"),
                        (true, false, false) => Some("new"),
                        // Suppressed inline or by config: neither new nor in the baseline.
                        (true, false, true) => None,
                    },
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_script_element() {
        let s = script_json(r#"{"m":"</script><!-- & \u2028"}"#);
        assert!(
            !s.contains('<') && !s.contains('>') && !s.contains('&'),
            "{s}"
        );
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["m"], "</script><!-- & \u{2028}");
        let sep = script_json("\"a\u{2028}b\u{2029}\"");
        assert_eq!(sep, "\"a\\u2028b\\u2029\"");
        assert_eq!(
            serde_json::from_str::<String>(&sep).unwrap(),
            "a\u{2028}b\u{2029}"
        );
    }

    #[test]
    fn escape_covers_markup_and_attributes() {
        assert_eq!(
            escape("<img src=x onerror=\"a('b')\"> & \u{1b}[2J"),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; [2J"
        );
    }

    #[test]
    fn fill_does_not_rescan_inserted_text() {
        let out = fill("a{{X}}b{{Y}}c", |name, s| match name {
            "X" => s.push_str("{{Y}}"),
            _ => s.push('!'),
        });
        assert_eq!(out, "a{{Y}}b!c");
    }

    #[test]
    fn ssdf_tasks_belong_to_their_practice() {
        assert!(ssdf_in("PW.7.2", "PW.7"));
        assert!(ssdf_in("PW.7", "PW.7"));
        assert!(!ssdf_in("PW.70", "PW.7"));
        assert!(!ssdf_in("PW.1.1", "PW.7"));
    }
}
