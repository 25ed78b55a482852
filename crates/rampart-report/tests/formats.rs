//! Every format, rendered from a hand-built scan result that covers every location kind,
//! suppressions, secret evidence, an unregistered rule and diagnostics.

mod common;

use common::{assert_valid, options, render, render_result, scan_result, secret, secret_middle};
use quick_xml::events::Event;
use rampart_core::pipeline::ScanResult;
use rampart_report::{Format, RenderOptions};
use serde_json::Value;

const SARIF_SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/schemas/sarif-schema-2.1.0.json"
);
const JSON_SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../docs/rampart-report.schema.json"
);

fn sarif() -> Value {
    serde_json::from_str(&render(Format::Sarif, &options())).unwrap()
}

#[test]
fn every_format_renders_something() {
    for format in Format::ALL {
        let text = render(format, &options());
        assert!(text.len() > 100, "{format}: {text}");
        assert!(text.ends_with('\n'), "{format} output ends with a newline");
    }
}

#[test]
fn no_format_leaks_the_secret() {
    let secret = secret();
    for show_suppressed in [false, true] {
        for color in [false, true] {
            let opts = RenderOptions {
                show_suppressed,
                color,
                ..options()
            };
            for format in Format::ALL {
                let text = render(format, &opts);
                assert!(
                    !text.contains(&secret),
                    "{format} leaks the secret:\n{text}"
                );
                assert!(
                    !text.contains(&secret_middle()),
                    "{format} leaks part of the secret"
                );
            }
        }
    }
    // The redacted form shows the secret's start and end only.
    let table = render(Format::Table, &options());
    assert!(table.contains("ghp_…"), "{table}");
}

#[test]
fn show_secrets_prints_them_where_evidence_is_shown() {
    let opts = RenderOptions {
        show_secrets: true,
        ..options()
    };
    for format in [Format::Table, Format::Json, Format::Sarif, Format::Junit] {
        assert!(
            render(format, &opts).contains(&secret()),
            "{format} with show_secrets"
        );
    }
    // Markdown is meant for PR comments and never shows evidence.
    assert!(!render(Format::Markdown, &opts).contains(&secret()));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    assert_valid(SARIF_SCHEMA, &sarif());
    let empty: Value = serde_json::from_str(&render_result(
        Format::Sarif,
        &ScanResult::default(),
        &options(),
    ))
    .unwrap();
    assert_valid(SARIF_SCHEMA, &empty);
}

#[test]
fn sarif_suits_github_code_scanning() {
    let doc = sarif();
    assert_eq!(doc["version"], "2.1.0");
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(
        results.len(),
        scan_result().findings.len(),
        "suppressed findings stay in results"
    );

    // Only rules with findings, each once, and every result points at its own rule.
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "container/world-writable-file",
            "custom/todo-auth",
            "dast/missing-csp",
            "models/pickle-import",
            "sast/sql-injection",
            "sca/vulnerable-dependency",
            "secrets/github-token"
        ]
    );
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        assert!(
            r["partialFingerprints"]["rampart/v1"]
                .as_str()
                .is_some_and(|f| f.len() == 32)
        );
    }

    let sqli = rules
        .iter()
        .find(|r| r["id"] == "sast/sql-injection")
        .unwrap();
    let tags: Vec<&str> = sqli["properties"]["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(tags.contains(&"security"));
    assert!(tags.contains(&"external/cwe/cwe-89"));
    assert!(tags.contains(&"external/owasp/A03:2021"));
    assert!(tags.contains(&"python"));
    assert_eq!(sqli["properties"]["security-severity"], "8.0");
    assert_eq!(sqli["properties"]["precision"], "medium");
    assert_eq!(sqli["defaultConfiguration"]["level"], "error");
    assert!(
        sqli["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## What it does")
    );

    let token = rules
        .iter()
        .find(|r| r["id"] == "secrets/github-token")
        .unwrap();
    assert_eq!(
        token["helpUri"],
        "https://docs.github.com/en/authentication"
    );
    assert_eq!(token["properties"]["security-severity"], "9.5");

    // A severity raised on the finding (CVSS) raises the rule's security-severity.
    let sca = rules
        .iter()
        .find(|r| r["id"] == "sca/vulnerable-dependency")
        .unwrap();
    assert_eq!(sca["properties"]["security-severity"], "9.5");

    // The unregistered rule gets a descriptor built from its finding.
    let custom = rules
        .iter()
        .find(|r| r["id"] == "custom/todo-auth")
        .unwrap();
    assert_eq!(
        custom["shortDescription"]["text"],
        "Authentication TODO left in code"
    );
    assert_eq!(custom["defaultConfiguration"]["level"], "warning");
    assert_eq!(custom["helpUri"], "https://example.com/rules/todo-auth");

    // Levels follow the finding's severity.
    let level_of = |rule: &str| {
        results
            .iter()
            .find(|r| r["ruleId"] == rule)
            .map(|r| r["level"].as_str().unwrap().to_string())
    };
    assert_eq!(level_of("secrets/github-token").as_deref(), Some("error"));
    assert_eq!(
        level_of("container/world-writable-file").as_deref(),
        Some("warning")
    );
    assert_eq!(level_of("dast/missing-csp").as_deref(), Some("note"));
    assert_eq!(level_of("models/pickle-import").as_deref(), Some("note"));
}

#[test]
fn sarif_locations_are_relative_and_typed() {
    let doc = sarif();
    let run = &doc["runs"][0];
    assert!(run["originalUriBaseIds"]["%SRCROOT%"].is_object());
    let results = run["results"].as_array().unwrap();
    let loc_of = |rule: &str, pred: &dyn Fn(&Value) -> bool| -> Value {
        results
            .iter()
            .find(|r| r["ruleId"] == rule && pred(r))
            .unwrap()["locations"][0]
            .clone()
    };

    let file = loc_of("sast/sql-injection", &|r| r.get("suppressions").is_none());
    assert_eq!(
        file["physicalLocation"]["artifactLocation"]["uri"],
        "app/db.py"
    );
    assert_eq!(
        file["physicalLocation"]["artifactLocation"]["uriBaseId"],
        "%SRCROOT%"
    );
    assert_eq!(
        file["physicalLocation"]["region"],
        serde_json::json!({"startLine": 41, "startColumn": 5, "endLine": 42, "endColumn": 30})
    );

    let whole_line = loc_of("custom/todo-auth", &|_| true);
    assert_eq!(
        whole_line["physicalLocation"]["region"],
        serde_json::json!({"startLine": 7})
    );

    let no_region = loc_of("models/pickle-import", &|_| true);
    assert!(no_region["physicalLocation"].get("region").is_none());

    let package = loc_of("sca/vulnerable-dependency", &|_| true);
    assert_eq!(
        package["physicalLocation"]["artifactLocation"]["uri"],
        "requirements.txt"
    );
    assert_eq!(package["physicalLocation"]["region"]["startLine"], 4);
    assert_eq!(
        package["logicalLocations"][0]["fullyQualifiedName"],
        "pkg:pypi/jinja2@2.10"
    );

    let url = loc_of("dast/missing-csp", &|r| r.get("suppressions").is_none());
    assert_eq!(
        url["physicalLocation"]["artifactLocation"]["uri"],
        "http://127.0.0.1:8080/login?next=/home"
    );
    assert_eq!(
        url["logicalLocations"][0]["fullyQualifiedName"],
        "http://127.0.0.1:8080/login?next=/home"
    );
    assert_eq!(url["properties"]["parameter"], "next");

    let git = loc_of("secrets/github-token", &|r| {
        r["message"]["text"] == "GitHub token in git history"
    });
    assert_eq!(
        git["physicalLocation"]["artifactLocation"]["uri"],
        "old/.env"
    );
    assert_eq!(
        git["properties"]["commit"],
        "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
    );
    assert_eq!(git["properties"]["author"], "Dev <dev@example.com>");

    let image = loc_of("container/world-writable-file", &|_| true);
    assert_eq!(
        image["physicalLocation"]["artifactLocation"]["uri"],
        "etc/app/conf.d/run.sh"
    );
    assert!(
        image["logicalLocations"][0]["fullyQualifiedName"]
            .as_str()
            .unwrap()
            .starts_with("registry.example/app:1.0@sha256:")
    );
}

#[test]
fn sarif_marks_suppressions_and_reports_diagnostics() {
    let doc = sarif();
    let run = &doc["runs"][0];
    let suppressed: Vec<&Value> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 3);
    let kinds: Vec<&str> = suppressed
        .iter()
        .map(|r| r["suppressions"][0]["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"inSource"));
    assert_eq!(kinds.iter().filter(|k| **k == "external").count(), 2);
    for r in &suppressed {
        assert_eq!(r["suppressions"][0]["status"], "accepted");
        assert!(
            r["suppressions"][0]["justification"]
                .as_str()
                .is_some_and(|j| !j.is_empty())
        );
    }

    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 3);
    assert_eq!(notes[0]["level"], "error");
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "package-lock.json"
    );
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        17
    );
}

#[test]
fn json_validates_against_rampart_schema() {
    let doc: Value = serde_json::from_str(&render(Format::Json, &options())).unwrap();
    assert_valid(JSON_SCHEMA, &doc);
    let empty: Value = serde_json::from_str(&render_result(
        Format::Json,
        &ScanResult::default(),
        &options(),
    ))
    .unwrap();
    assert_valid(JSON_SCHEMA, &empty);
}

#[test]
fn json_schema_rejects_what_it_should() {
    // The schema is a real contract: a missing key or an unknown severity fails it.
    let mut doc: Value = serde_json::from_str(&render(Format::Json, &options())).unwrap();
    doc["findings"][0]["severity"] = "severe".into();
    let schema = common::load_json(JSON_SCHEMA);
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(!validator.is_valid(&doc));
    let mut doc: Value = serde_json::from_str(&render(Format::Json, &options())).unwrap();
    doc["findings"][0]
        .as_object_mut()
        .unwrap()
        .remove("fingerprint");
    assert!(!validator.is_valid(&doc));
}

#[test]
fn json_keeps_suppressed_findings_marked() {
    let doc: Value = serde_json::from_str(&render(Format::Json, &options())).unwrap();
    assert_eq!(doc["schema_version"], "1");
    assert_eq!(doc["tool"]["name"], "rampart");
    assert_eq!(doc["tool"]["version"], "0.1.0");
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 11);
    assert_eq!(doc["summary"]["suppressed"], 3);
    assert_eq!(doc["summary"]["active"], 8);
    assert_eq!(doc["summary"]["by_severity"]["critical"], 3);
    let suppressed: Vec<&Value> = findings
        .iter()
        .filter(|f| !f["suppression"].is_null())
        .collect();
    assert_eq!(suppressed.len(), 3);
    assert!(
        suppressed
            .iter()
            .any(|f| f["suppression"]["kind"] == "baseline")
    );
    assert!(
        suppressed
            .iter()
            .any(|f| f["suppression"]["expires"] == "2099-01-01")
    );
    // Sorted: critical first.
    assert_eq!(findings[0]["severity"], "critical");
    assert_eq!(doc["diagnostics"].as_array().unwrap().len(), 3);
    assert_eq!(doc["stats"]["files_scanned"], 42);
}

#[test]
fn markdown_escapes_cells() {
    let md = render(Format::Markdown, &options());
    assert!(md.contains("Query \\| built with f-string"), "{md}");
    assert!(md.contains("<br>second line"), "{md}");
    assert!(md.contains("&lt;b&gt;now&lt;/b&gt; &amp;"), "{md}");
    assert!(!md.contains("<b>"));
    assert!(md.contains("constant \\| reviewed"), "{md}");
    // Each table row has exactly its column count of unescaped pipes.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let unescaped = line.replace("\\|", "");
        let cols = unescaped.matches('|').count() - 1;
        assert!((2..=5).contains(&cols), "row with {cols} columns: {line}");
    }
    assert!(md.contains("<details>") && md.contains("3 suppressed findings"));
}

#[test]
fn markdown_truncates_long_tables() {
    let mut result = scan_result();
    let template = result
        .findings
        .iter()
        .find(|f| !f.is_suppressed())
        .unwrap()
        .clone();
    result.findings = (0..150)
        .map(|i| {
            let mut f = template.clone();
            f.locations = vec![rampart_core::Location::file(format!("f{i:03}.py"), None)];
            f
        })
        .collect();
    let md = render_result(Format::Markdown, &result, &options());
    let rows = md.lines().filter(|l| l.contains("`f")).count();
    assert_eq!(rows, 100);
    assert!(md.contains("and 50 more findings"), "{md}");
}

#[test]
fn junit_is_well_formed_xml() {
    let xml = render(Format::Junit, &options());
    let mut reader = quick_xml::Reader::from_str(&xml);
    reader.config_mut().check_end_names = true;
    let (mut cases, mut failures, mut skipped, mut suites) = (0, 0, 0, Vec::new());
    let mut names = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e) | Event::Empty(e)) => match e.name().as_ref() {
                b"testcase" => {
                    cases += 1;
                    for a in e.attributes() {
                        let a = a.unwrap();
                        if a.key.as_ref() == b"name" {
                            names.push(
                                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                    .unwrap()
                                    .into_owned(),
                            );
                        }
                    }
                }
                b"failure" => failures += 1,
                b"skipped" => skipped += 1,
                b"testsuite" => {
                    let name = e.try_get_attribute("name").unwrap().unwrap();
                    suites.push(
                        name.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned(),
                    );
                }
                _ => {}
            },
            Ok(Event::Text(t)) => {
                t.decode().unwrap();
            }
            Ok(_) => {}
            Err(e) => panic!(
                "not well-formed at {}: {e}\n{xml}",
                reader.buffer_position()
            ),
        }
    }
    // 11 findings with one location each, plus the `rampart` testcase.
    assert_eq!(cases, 12);
    assert_eq!(skipped, 3);
    assert_eq!(
        failures,
        8 + 1,
        "8 unsuppressed findings and the failing `rampart` case"
    );
    assert_eq!(
        suites,
        [
            "container",
            "custom",
            "dast",
            "models",
            "sast",
            "sca",
            "secrets",
            "rampart"
        ]
    );
    assert!(
        names.contains(&"sast/sql-injection at app/db.py:41:5".to_string()),
        "{names:?}"
    );
    // No raw control character may reach the XML (XML 1.0 forbids most of them).
    assert!(
        !xml.chars().any(|c| c.is_control() && c != '\n'),
        "raw control char in:\n{xml}"
    );
}

#[test]
fn junit_passes_a_clean_scan() {
    let xml = render_result(Format::Junit, &ScanResult::default(), &options());
    assert!(
        xml.contains("<testcase name=\"rampart\" classname=\"rampart\""),
        "{xml}"
    );
    assert!(!xml.contains("<failure"), "{xml}");
    assert!(xml.contains("tests=\"1\" failures=\"0\""), "{xml}");
}

#[test]
fn table_colour_only_when_asked() {
    let plain = render(Format::Table, &options());
    assert!(
        !plain.contains('\u{1b}'),
        "escape in colourless table:\n{plain}"
    );
    // The escape sequence inside a scanned file's message is shown, not executed.
    assert!(plain.contains("\\u{1b}[2J"), "{plain}");
    let colored = render(
        Format::Table,
        &RenderOptions {
            color: true,
            ..options()
        },
    );
    assert!(colored.contains("\u{1b}["), "no escapes in coloured table");
    assert!(
        !colored.contains("\u{1b}[2J"),
        "file content escape reached the terminal"
    );
}

#[test]
fn table_groups_by_severity_with_frames_and_summary() {
    let t = render(Format::Table, &options());
    let pos = |s: &str| t.find(s).unwrap_or_else(|| panic!("missing {s:?} in\n{t}"));
    assert!(pos("CRITICAL (3)") < pos("HIGH (1)"));
    assert!(pos("HIGH (1)") < pos("MEDIUM (2)"));
    assert!(pos("MEDIUM (2)") < pos("LOW (1)"));
    assert!(pos("LOW (1)") < pos("INFO (1)"));
    // Code frame numbered from the region's first line.
    assert!(t.contains("41 |     cur.execute("), "{t}");
    assert!(t.contains("42 |     rows = cur.fetchall()"), "{t}");
    assert!(t.contains("fix: Revoke the token"), "{t}");
    assert!(pos("Diagnostics") < pos("8 findings"));
    assert!(
        t.contains("package-lock.json:17: error [sca]: expected `,` or `}`"),
        "{t}"
    );
    assert!(
        t.contains("3 suppressed · 42 files scanned in 1.23s"),
        "{t}"
    );
    assert!(!t.contains("SUPPRESSED"), "suppressed hidden by default");
    let with = render(
        Format::Table,
        &RenderOptions {
            show_suppressed: true,
            ..options()
        },
    );
    assert!(with.contains("SUPPRESSED (3)"), "{with}");
    assert!(with.contains(
        "suppressed by rampart.toml ignore[0]: health endpoint returns no HTML (until 2099-01-01)"
    ));
}

#[test]
fn empty_scan_renders_in_every_format() {
    for format in Format::ALL {
        let text = render_result(format, &ScanResult::default(), &options());
        assert!(!text.is_empty(), "{format}");
    }
    let t = render_result(Format::Table, &ScanResult::default(), &options());
    assert!(t.starts_with("No findings"), "{t}");
}

#[test]
fn documented_json_example_is_valid() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/json-schema.md"
    ))
    .unwrap();
    let start = doc
        .find("```json\n")
        .expect("docs/json-schema.md has a JSON example")
        + "```json\n".len();
    let len = doc[start..].find("```").unwrap();
    let example: Value = serde_json::from_str(&doc[start..start + len]).unwrap();
    assert_valid(JSON_SCHEMA, &example);
}

#[test]
fn sarif_schema_check_catches_mistakes() {
    // Guards the validation itself: a wrong level or a malformed URI must fail it.
    let schema = common::load_json(SARIF_SCHEMA);
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let mut doc = sarif();
    doc["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&doc));
    let mut doc = sarif();
    doc["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "not a uri".into();
    assert!(!validator.is_valid(&doc));
}

#[test]
fn every_sarif_result_has_a_physical_location() {
    // GitHub code scanning rejects the whole upload when one result has no physical location.
    for r in sarif()["runs"][0]["results"].as_array().unwrap() {
        let locations = r["locations"].as_array().unwrap();
        assert!(!locations.is_empty(), "{r}");
        for l in locations {
            assert!(
                l["physicalLocation"]["artifactLocation"]["uri"].is_string(),
                "{l}"
            );
        }
    }
}
