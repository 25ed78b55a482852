//! The built-in pack over a directory, printed as the `findings` part of rampart's JSON report
//! (rule id, path, start line), for the compat scripts while the CLI binary is not at hand:
//! `RAMPART=target/debug/examples/sast_json python3 compat/score_suite.py --tool rampart`.
//! Accepts (and ignores) the CLI's `sast` word and `--format json`; `--no-cross-file` as the CLI.

fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(root) = args
        .iter()
        .find(|a| *a != "sast" && !a.starts_with("--") && *a != "json")
    else {
        eprintln!("usage: sast_json [sast] DIR");
        std::process::exit(2);
    };
    let root = std::path::PathBuf::from(root);
    let cfg = rampart_sast::SastConfig {
        cross_file: !args.iter().any(|a| a == "--no-cross-file"),
        ..Default::default()
    };
    let scanner = match rampart_sast::SastScanner::new(&cfg) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    let mut findings = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(&root)
            .unwrap_or(&f)
            .to_string_lossy()
            .into_owned();
        let Ok(bytes) = std::fs::read(&f) else {
            continue;
        };
        let src = String::from_utf8_lossy(&bytes);
        for fi in scanner.scan_text_in(&rel, &src, Some(&root)) {
            findings.push(serde_json::json!({
                "rule_id": fi.rule_id,
                "locations": [{"kind": "file", "path": rel,
                    "region": {"start_line": fi.primary_location().start_line()}}],
            }));
        }
    }
    println!("{}", serde_json::json!({ "findings": findings }));
}
