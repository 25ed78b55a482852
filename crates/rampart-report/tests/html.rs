//! The HTML report on the shared fixture result: hostile scanned text stays text, secrets stay
//! redacted, and the counts, chart, coverage matrices and baseline comparison read the findings.

mod common;

use common::{options, registry, render, render_result, scan_result, secret, secret_middle};
use rampart_core::baseline::{Baseline, BaselineEntry};
use rampart_core::finding::Region;
use rampart_core::{Evidence, Finding, Location};
use rampart_report::{BaselineComparison, Format, RenderOptions, render_with_baseline};
use serde_json::Value;

const HOSTILE: &str = "</script><img src=x onerror=alert(1)>";

/// The value of the first `attr="..."` in `html` after `from`.
fn attr<'a>(html: &'a str, attr: &str) -> &'a str {
    let key = format!("{attr}=\"");
    let start = html
        .find(&key)
        .unwrap_or_else(|| panic!("no {attr} in the report"))
        + key.len();
    let len = html[start..].find('"').unwrap();
    &html[start..start + len]
}

fn count(html: &str, name: &str) -> usize {
    attr(html, &format!("data-count-{name}")).parse().unwrap()
}

/// The findings JSON embedded for the page's script.
fn data(html: &str) -> Value {
    let open = "<script type=\"application/json\" id=\"rampart-data\">";
    let start = html.find(open).expect("data block") + open.len();
    let len = html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..start + len]).expect("the data block is JSON")
}

fn json_report() -> Value {
    serde_json::from_str(&render(Format::Json, &options())).unwrap()
}

fn hostile_result() -> rampart_core::pipeline::ScanResult {
    let mut result = scan_result();
    let reg = registry();
    let rule = reg.get("sast/sql-injection").unwrap();
    let f = Finding::new(
        rule,
        Location::file(format!("app/{HOSTILE}.py"), Some(Region::line(3))),
        HOSTILE,
    )
    .with_evidence(Evidence::plain(format!(
        "x = '{HOSTILE}'\n<!-- {{{{DATA}}}} \u{2028} & '\"</style>"
    )));
    result.findings.push(f);
    result.stats.scanners.push(format!("evil{HOSTILE}"));
    result
}

#[test]
fn hostile_scanned_text_appears_only_escaped() {
    let html = render_result(Format::Html, &hostile_result(), &options());
    assert!(
        !html.contains("<img"),
        "a raw tag from a finding reached the page"
    );
    assert!(!html.contains("onerror=alert(1)>"));
    // One closing tag per script element of the template, none from the data.
    assert_eq!(html.matches("</script>").count(), 2, "{html}");
    assert_eq!(html.matches("</style>").count(), 1);
    assert!(!html.contains('\u{2028}'));
    // Still there, as data: the page shows the message as text.
    let d = data(&html);
    let found = d["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["message"] == HOSTILE)
        .expect("the hostile finding is in the data block");
    assert!(found["evidence"].as_str().unwrap().contains("{{DATA}}"));
    assert!(html.contains("evil&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn the_script_never_parses_finding_text_as_markup() {
    let js = include_str!("../src/html/app.js");
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!js.contains(sink), "app.js uses {sink}");
    }
}

#[test]
fn the_secret_is_redacted_unless_asked_for() {
    let html = render(Format::Html, &options());
    assert!(!html.contains(&secret()));
    assert!(!html.contains(&secret_middle()));
    assert!(data(&html).to_string().contains("ghp_…"));
    let shown = render(
        Format::Html,
        &RenderOptions {
            show_secrets: true,
            ..options()
        },
    );
    assert!(shown.contains(&secret()));
    assert!(shown.contains("--show-secrets"));
}

#[test]
fn summary_counts_match_the_json_report() {
    let html = render(Format::Html, &options());
    let json = json_report();
    let summary = &json["summary"];
    assert_eq!(
        count(&html, "total") as u64,
        summary["active"].as_u64().unwrap()
    );
    assert_eq!(
        count(&html, "suppressed") as u64,
        summary["suppressed"].as_u64().unwrap()
    );
    for sev in ["critical", "high", "medium", "low", "info"] {
        assert_eq!(
            count(&html, sev) as u64,
            summary["by_severity"][sev].as_u64().unwrap(),
            "{sev}"
        );
    }
    // The fixture: 11 findings, 3 suppressed (inline, config, baseline).
    assert_eq!(count(&html, "total"), 8);
    assert_eq!(count(&html, "critical"), 3);
    assert_eq!(data(&html)["findings"].as_array().unwrap().len(), 11);
    // Without a baseline there is no new/existing/fixed split.
    assert!(!html.contains("data-count-new"));
}

#[test]
fn chart_bars_add_up_to_the_active_findings() {
    let html = render(Format::Html, &options());
    let chart = &html[html.find("<svg class=\"chart\"").unwrap()..html.find("</svg>").unwrap()];
    let mut total = 0;
    let mut sast_high = 0;
    for part in chart.split("<rect ").skip(1) {
        if let Some(i) = part.find("data-n=\"") {
            let n: usize = part[i + 8..part[i + 8..].find('"').unwrap() + i + 8]
                .parse()
                .unwrap();
            total += n;
            if part.contains("data-practice=\"sast\" data-severity=\"high\"") {
                sast_high += n;
            }
        }
    }
    assert_eq!(total, 8);
    // Two SAST findings, one suppressed inline.
    assert_eq!(sast_high, 1);
}

/// The `<tr>` of `category` in the matrix `id`.
fn matrix_row<'a>(html: &'a str, id: &str, category: &str) -> &'a str {
    let table = &html[html.find(&format!("id=\"coverage-{id}\"")).unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    let start = table
        .find(&format!("data-category=\"{category}\""))
        .unwrap_or_else(|| panic!("no row {category} in {id}"));
    let row = &table[start..];
    &row[..row.find("</tr>").unwrap()]
}

#[test]
fn coverage_matrices_count_findings_per_category_and_practice() {
    let html = render(Format::Html, &options());
    // Two active GitHub-token findings (the third is baselined) map to A07.
    let a07 = matrix_row(&html, "owasp", "A07:2021");
    assert!(a07.contains("data-n=\"2\""), "{a07}");
    assert!(a07.contains("Identification and Authentication Failures"));
    assert!(a07.contains("class=\"hit\" data-practice=\"secrets\" data-n=\"2\""));
    // Nothing maps to A10: the row is uncovered, no practice has rules for it.
    let a10 = matrix_row(&html, "owasp", "A10:2021");
    assert!(
        a10.starts_with("data-category=\"A10:2021\" data-n=\"0\""),
        "{a10}"
    );
    let llm03 = matrix_row(&html, "llm", "LLM03:2025");
    assert!(llm03.contains("class=\"hit\" data-practice=\"models\" data-n=\"1\""));
    // SSDF tasks count for their practice: PW.7.2 → PW.7, PW.4.4 → PW.4.
    assert!(matrix_row(&html, "ssdf", "PW.7").contains("data-practice=\"sast\" data-n=\"1\""));
    assert!(matrix_row(&html, "ssdf", "PW.4").contains("data-practice=\"sca\" data-n=\"1\""));
}

#[test]
fn a_rule_without_findings_is_shown_as_checked_clean() {
    let mut result = scan_result();
    // Drop the SCA finding: sca ran, has an A06 rule, found nothing.
    result.findings.retain(|f| f.scanner != "sca");
    let html = render_result(Format::Html, &result, &options());
    let a06 = matrix_row(&html, "owasp", "A06:2021");
    assert!(
        a06.contains("class=\"clean\" data-practice=\"sca\" data-n=\"0\""),
        "{a06}"
    );
    // A practice that did not run but has rules is marked so, never clean.
    result.stats.scanners.retain(|s| s != "sca");
    let html = render_result(Format::Html, &result, &options());
    let a06 = matrix_row(&html, "owasp", "A06:2021");
    assert!(
        a06.contains("class=\"skipped\" data-practice=\"sca\""),
        "{a06}"
    );
    assert!(a06.starts_with("data-category=\"A06:2021\" data-n=\"0\""));
}

#[test]
fn baseline_comparison_lists_new_existing_and_fixed() {
    let result = scan_result();
    let mut baseline = Baseline::from_findings(&[]);
    // What the fixture's baselined finding was recorded as, plus one finding that is gone.
    let kept = result
        .findings
        .iter()
        .find(|f| f.primary_location().path() == Some("tests/fixtures/token.txt"))
        .unwrap();
    baseline.findings.push(BaselineEntry {
        rule_id: kept.rule_id.clone(),
        fingerprint: kept.fingerprint.as_str().to_string(),
        location: None,
    });
    baseline.findings.push(BaselineEntry {
        rule_id: "sast/sql-injection".into(),
        fingerprint: "gone".into(),
        location: Some(format!("app/old.py:3 {HOSTILE}")),
    });
    let cmp = BaselineComparison::new(&baseline, "base.json", &result.findings);
    assert_eq!(cmp.fixed.len(), 1);
    assert_eq!(cmp.fixed[0].fingerprint, "gone");

    let mut out = Vec::new();
    render_with_baseline(
        Format::Html,
        &result,
        &registry(),
        &options(),
        Some(&cmp),
        &mut out,
    )
    .unwrap();
    let html = String::from_utf8(out).unwrap();
    assert_eq!(count(&html, "new"), 8);
    assert_eq!(count(&html, "existing"), 1);
    assert_eq!(count(&html, "fixed"), 1);
    assert!(html.contains("app/old.py:3 &lt;/script&gt;"));
    assert!(!html.contains("<img"));
    let d = data(&html);
    let statuses: Vec<&str> = d["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["status"].as_str())
        .collect();
    assert_eq!(statuses.iter().filter(|s| **s == "new").count(), 8);
    assert_eq!(statuses.iter().filter(|s| **s == "existing").count(), 1);
}

#[test]
fn page_is_self_contained() {
    let html = render(Format::Html, &options());
    for needle in [
        "<link",
        "src=\"http",
        "@import",
        "url(http",
        "fetch(",
        "XMLHttpRequest",
    ] {
        assert!(!html.contains(needle), "the page loads something: {needle}");
    }
    assert!(html.contains("default-src 'none'"));
    // Kept for looking at in a browser while working on the page.
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("rampart-fixture.html");
    std::fs::write(
        path,
        render_result(Format::Html, &hostile_result(), &options()),
    )
    .unwrap();
}

#[test]
fn main_section_snapshot() {
    let html = render(Format::Html, &options());
    let main = &html[html.find("<main>").unwrap()..html.find("</main>").unwrap() + 7];
    insta::with_settings!({ filters => vec![(r"\b\d+(\.\d+)?(ms|s)\b", "[duration]")] }, {
        insta::assert_snapshot!(main.replace("><", ">\n<"));
    });
}
