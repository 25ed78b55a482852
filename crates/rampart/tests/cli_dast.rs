//! `rampart dast` end to end: the binary against the vulnerable Flask test app on 127.0.0.1,
//! with the real secrets scanner plugged into the response hook, every report format, the gate
//! and a rules file.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command as Process, Stdio};

use assert_cmd::Command;

struct App {
    child: Child,
    port: u16,
}

impl App {
    fn start(variant: &str) -> App {
        let script = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../rampart-dast/apps/vulnapp.py"
        );
        let mut child = Process::new("python3")
            .args([script, "--variant", variant])
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 with Flask (see .ci/run)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line.trim().strip_prefix("PORT ").unwrap().parse().unwrap();
        App { child, port }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn rampart() -> Command {
    let mut c = Command::cargo_bin("rampart").unwrap();
    c.env("NO_COLOR", "1");
    c
}

#[test]
fn dast_reports_in_every_format_and_fails_the_gate() {
    let app = App::start("vulnerable");
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).display().to_string();
    let out = rampart()
        .current_dir(dir.path())
        .args([
            "dast",
            &app.url(),
            "--no-llm",
            "--no-progress",
            "--allow-destructive",
        ])
        .args([
            "-f",
            "json",
            "-o",
            &p("r.json"),
            "-f",
            "sarif",
            "-o",
            &p("r.sarif"),
        ])
        .args([
            "-f",
            "junit",
            "-o",
            &p("r.xml"),
            "-f",
            "markdown",
            "-o",
            &p("r.md"),
            "-f",
            "table",
        ])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("dast/sql-injection"), "{table}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(p("r.json")).unwrap()).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let sqli = findings
        .iter()
        .find(|f| f["rule_id"] == "dast/sql-injection")
        .expect("sqli");
    assert_eq!(sqli["locations"][0]["kind"], "url");
    assert!(
        sqli["owasp"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o == "A03:2021")
    );
    // The secrets scanner's rules ran on response bodies through the hook.
    let secret = findings
        .iter()
        .find(|f| {
            f["scanner"] == "secrets"
                && f["locations"][0]["url"]
                    .as_str()
                    .unwrap_or("")
                    .ends_with("/static/config.js")
        })
        .expect("the AWS key in config.js is reported by the secrets rules");
    assert_eq!(secret["locations"][0]["kind"], "url");
    for file in ["r.json", "r.sarif", "r.xml", "r.md"] {
        let text = std::fs::read_to_string(p(file)).unwrap();
        assert!(text.contains("dast/"), "{file} has the findings");
        assert!(
            // rampart:ignore[secrets/*] the fake key the test app serves
            !text.contains("AKIAQYLPMN5HFIQR7XYZ"),
            "{file} leaks the key"
        );
    }
    // rampart:ignore[secrets/*] the fake key the test app serves
    assert!(!table.contains("AKIAQYLPMN5HFIQR7XYZ"));
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(p("r.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
}

#[test]
fn rules_file_ignores_warns_and_fails() {
    let app = App::start("vulnerable");
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.tsv");
    std::fs::write(
        &rules,
        "# rule\tlevel\turl regex\ndast/csp-missing\tIGNORE\ndast/version-disclosure\tFAIL\ndast/stack-trace\tWARN\t/report\n",
    )
    .unwrap();
    let out = rampart()
        .current_dir(dir.path())
        .args([
            "dast",
            &app.url(),
            "--no-llm",
            "--no-active",
            "--no-progress",
            "-f",
            "json",
            "--rules-file",
        ])
        .arg(&rules)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let find = |id: &str| {
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule_id"] == id)
            .cloned()
            .unwrap()
    };
    assert!(!find("dast/csp-missing")["suppression"].is_null());
    assert_eq!(find("dast/version-disclosure")["severity"], "high");
    assert_eq!(find("dast/stack-trace")["severity"], "low");
    // WARN for every rule caps everything below the default gate (high): exit 0.
    std::fs::write(&rules, "*\tWARN\n").unwrap();
    rampart()
        .current_dir(dir.path())
        .args([
            "dast",
            &app.url(),
            "--no-llm",
            "--no-active",
            "--no-progress",
            "-f",
            "json",
            "--rules-file",
        ])
        .arg(&rules)
        .assert()
        .code(0);
}

#[test]
fn bad_arguments_are_errors() {
    rampart()
        .args(["dast", "ftp://127.0.0.1/"])
        .assert()
        .code(2);
    rampart()
        .args(["dast", "http://127.0.0.1:9/", "--header", "no-colon"])
        .assert()
        .code(2);
    rampart()
        .args(["dast", "http://127.0.0.1:9/", "--scope", "(unclosed"])
        .assert()
        .code(2);
}
