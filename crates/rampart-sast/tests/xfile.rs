//! Cross-file taint on small multi-module projects (`tests/xfile/*`, described in its README):
//! the built-in pack through `SastScanner::scan_text_in`, with and without cross-file analysis.
use std::path::{Path, PathBuf};

use rampart_sast::{SastConfig, SastScanner};

fn case(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/xfile")
        .join(name)
}

/// `(path, line, rule)` of every finding when scanning `file` of project `name`.
fn scan(name: &str, file: &str, cross_file: bool) -> Vec<(String, u32, String)> {
    let s = SastScanner::new(&SastConfig {
        cross_file,
        ..Default::default()
    })
    .unwrap();
    let root = case(name);
    let src = std::fs::read_to_string(root.join(file)).unwrap();
    let mut out: Vec<(String, u32, String)> = s
        .scan_text_in(file, &src, Some(&root))
        .into_iter()
        .map(|f| {
            let loc = f.primary_location();
            (
                loc.path().unwrap_or_default().to_string(),
                loc.start_line().unwrap_or(0),
                f.rule_id.clone(),
            )
        })
        .collect();
    out.sort();
    out
}

fn trace(name: &str, file: &str) -> serde_json::Value {
    let s = SastScanner::new(&SastConfig::default()).unwrap();
    let root = case(name);
    let src = std::fs::read_to_string(root.join(file)).unwrap();
    let f = s.scan_text_in(file, &src, Some(&root));
    f.first().expect("a finding").properties["trace"].clone()
}

#[test]
fn view_argument_reaches_a_sink_in_another_module() {
    assert_eq!(
        scan("helper_sink", "app/views.py", true),
        vec![("app/reports.py".into(), 6, "py/cmdi-os-system".into())]
    );
    // Without following the import nothing connects the view to the sink.
    assert!(scan("helper_sink", "app/views.py", false).is_empty());
    // The helper module on its own has no source.
    assert!(scan("helper_sink", "app/reports.py", true).is_empty());
    let t = trace("helper_sink", "app/views.py");
    assert_eq!(
        t,
        serde_json::json!([
            {"kind": "source", "path": "app/views.py", "line": 10},
            {"kind": "call", "path": "app/views.py", "line": 11},
            {"kind": "sink", "path": "app/reports.py", "line": 6},
        ])
    );
}

#[test]
fn source_returned_by_a_helper_of_another_module() {
    assert_eq!(
        scan("helper_source", "views.py", true),
        vec![("views.py".into(), 14, "py/sqli-dbapi-execute".into())]
    );
    assert!(scan("helper_source", "views.py", false).is_empty());
}

#[test]
fn sanitising_and_constant_helpers_of_another_module_clean_the_value() {
    assert!(scan("helper_sanitiser", "views.py", true).is_empty());
    // Without their summaries an unknown call passes its argument's taint on.
    assert_eq!(
        scan("helper_sanitiser", "views.py", false)
            .iter()
            .map(|x| x.1)
            .collect::<Vec<_>>(),
        vec![14, 15]
    );
}

#[test]
fn import_cycles_terminate() {
    // a.run → b.forward → a.execute: b's summary follows its import of `a` (a module being
    // summarised is opaque only to itself), so the flow back into `a` is found and the
    // analysis ends.
    let got = scan("cycle", "a.py", true);
    assert!(
        got.contains(&("a.py".into(), 17, "py/cmdi-os-system".into())),
        "{got:?}"
    );
}

#[test]
fn src_layout_and_relative_imports() {
    assert_eq!(
        scan("src_layout", "src/shop/views.py", true),
        vec![
            (
                "src/shop/audit.py".into(),
                5,
                "py/cmdi-subprocess-shell".into()
            ),
            ("src/shop/db.py".into(), 6, "py/sqli-dbapi-execute".into()),
        ]
    );
}

#[test]
fn modules_outside_the_root_are_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("proj");
    std::fs::create_dir(&inner).unwrap();
    std::fs::write(
        dir.path().join("outside.py"),
        "import os\ndef run(c):\n    os.system(c)\n",
    )
    .unwrap();
    let view = "from flask import request\nfrom ..outside import run\nimport outside\ndef v():\n    run(request.args.get('c'))\n    outside.run(request.args.get('c'))\n";
    std::fs::write(inner.join("views.py"), view).unwrap();
    let s = SastScanner::new(&SastConfig::default()).unwrap();
    assert!(s.scan_text_in("views.py", view, Some(&inner)).is_empty());
}
