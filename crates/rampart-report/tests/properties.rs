//! Arbitrary text from scanned files (messages, paths, evidence, suppression reasons) must never
//! break a format: JUnit stays well-formed XML, SARIF stays valid, Markdown rows keep their
//! columns, the colourless table carries no escape sequence, and a secret never shows.

// Sensitive spans are a list of ranges; one range is the common case.
#![allow(clippy::single_range_in_vec_init)]

mod common;

use proptest::prelude::*;
use quick_xml::events::Event;
use rampart_core::finding::Region;
use rampart_core::pipeline::ScanResult;
use rampart_core::{Diagnostic, Evidence, Finding, Location, Suppression, SuppressionKind};
use rampart_report::Format;

const SARIF_SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/schemas/sarif-schema-2.1.0.json"
);

fn sarif_validator() -> &'static jsonschema::Validator {
    static V: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        jsonschema::options()
            .should_validate_formats(true)
            .build(&common::load_json(SARIF_SCHEMA))
            .unwrap()
    })
}

fn result_with(
    message: &str,
    path: &str,
    evidence: &str,
    secret: &str,
    reason: &str,
    line: u32,
    col: u32,
) -> ScanResult {
    let reg = common::registry();
    let rule = reg.get("sast/sql-injection").unwrap();
    let text = format!("{evidence}{secret}");
    let region = Region {
        start_line: line,
        start_column: col,
        end_line: line,
        end_column: col + 3,
    };
    let active = Finding::new(rule, Location::file(path, Some(region)), message).with_evidence(
        Evidence::with_sensitive(&text, vec![evidence.len()..text.len()]),
    );
    let mut suppressed = Finding::new(
        rule,
        Location::Url {
            url: path.to_string(),
            method: None,
            parameter: Some(message.to_string()),
        },
        message,
    );
    suppressed.suppression = Some(Suppression {
        kind: SuppressionKind::Inline,
        source: reason.to_string(),
        reason: Some(reason.to_string()),
        expires: None,
    });
    ScanResult {
        findings: vec![active, suppressed],
        diagnostics: vec![Diagnostic::error("sast", Some(path), Some(line), message)],
        ..ScanResult::default()
    }
}

fn assert_well_formed(xml: &str) -> Result<(), TestCaseError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => return Ok(()),
            Ok(Event::Start(e) | Event::Empty(e)) => {
                for a in e.attributes() {
                    let a = a.map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
                }
            }
            Ok(Event::Text(t)) => {
                t.decode()
                    .map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
            }
            Ok(_) => {}
            Err(e) => return Err(TestCaseError::fail(format!("{e}\n{xml}"))),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_text_keeps_every_format_sound(
        message in any::<String>(),
        path in any::<String>(),
        evidence in any::<String>(),
        secret in "[A-Za-z0-9_]{16,40}",
        reason in any::<String>(),
        line in 0u32..5,
        col in 0u32..5,
    ) {
        let result = result_with(&message, &path, &evidence, &secret, &reason, line, col);
        let opts = common::options();
        let outputs: Vec<(Format, String)> =
            Format::ALL.iter().map(|f| (*f, common::render_result(*f, &result, &opts))).collect();

        for (format, text) in &outputs {
            // The secret was generated; it can only appear if it is printed (or if the other
            // random fields happen to contain it, which proptest's strings practically never do).
            if !message.contains(&secret) && !path.contains(&secret) && !reason.contains(&secret) && !evidence.contains(&secret) {
                prop_assert!(!text.contains(&secret), "{format} leaks the secret");
            }
            match format {
                Format::Junit => {
                    assert_well_formed(text)?;
                    prop_assert!(!text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
                }
                Format::Sarif => {
                    let doc: serde_json::Value = serde_json::from_str(text).unwrap();
                    let errors: Vec<String> = sarif_validator().iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
                    prop_assert!(errors.is_empty(), "{errors:?}");
                }
                Format::Json => {
                    let _: serde_json::Value = serde_json::from_str(text).unwrap();
                }
                Format::Table => prop_assert!(!text.contains('\x1b'), "escape in table"),
                Format::Html => {
                    // Only the template's two script elements close; the data block is JSON
                    // that gives the scanned text back unchanged.
                    prop_assert_eq!(text.to_ascii_lowercase().matches("</script").count(), 2);
                    let open = "<script type=\"application/json\" id=\"rampart-data\">";
                    let start = text.find(open).unwrap() + open.len();
                    let end = start + text[start..].find("</script>").unwrap();
                    let data: serde_json::Value = serde_json::from_str(&text[start..end]).unwrap();
                    let messages: Vec<&str> = data["findings"].as_array().unwrap().iter().filter_map(|f| f["message"].as_str()).collect();
                    if !message.contains(&secret) {
                        prop_assert!(messages.contains(&message.as_str()), "{messages:?}");
                    }
                }
                Format::Markdown => {
                    for row in text.lines().filter(|l| l.starts_with('|')) {
                        let cols = row.replace("\\|", "").matches('|').count() - 1;
                        prop_assert!((2..=5).contains(&cols), "{row}");
                    }
                }
                Format::GitlabSast | Format::GitlabDependencyScanning | Format::GitlabSecretDetection => {
                    let doc: serde_json::Value = serde_json::from_str(text).unwrap();
                    prop_assert!(doc["vulnerabilities"].is_array());
                }
            }
        }
    }
}
