//! Snapshots of the human formats. Durations are redacted so timing changes do not churn them.

mod common;

use common::{options, render};
use rampart_report::Format;

fn filters() -> Vec<(&'static str, &'static str)> {
    vec![
        (r"\b\d+(\.\d+)?(ms|s)\b", "[duration]"),
        (r#"time="[0-9.]+""#, r#"time="[duration]""#),
    ]
}

#[test]
fn table_snapshot() {
    insta::with_settings!({ filters => filters() }, {
        insta::assert_snapshot!(render(Format::Table, &options()));
    });
}

#[test]
fn markdown_snapshot() {
    insta::with_settings!({ filters => filters() }, {
        insta::assert_snapshot!(render(Format::Markdown, &options()));
    });
}

#[test]
fn junit_snapshot() {
    insta::with_settings!({ filters => filters() }, {
        insta::assert_snapshot!(render(Format::Junit, &options()));
    });
}
