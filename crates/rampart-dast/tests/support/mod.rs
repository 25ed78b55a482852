//! Starts the Python test applications in `apps/` on 127.0.0.1 and stops them on drop.

#![allow(dead_code, clippy::single_range_in_vec_init)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;

use rampart_core::{Finding, Location, Rule};
use rampart_dast::ResponseInspector;

pub struct App {
    child: Child,
    pub port: u16,
}

impl App {
    pub fn start(script: &str, variant: &str) -> App {
        let path = format!("{}/apps/{script}", env!("CARGO_MANIFEST_DIR"));
        let mut child = Command::new("python3")
            .args([path.as_str(), "--variant", variant])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 runs (install Flask: see .ci/run)");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("app prints its port");
        let port = line
            .trim()
            .strip_prefix("PORT ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("{script} did not start: {line:?}"));
        App { child, port }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A stand-in for the secrets scanner the binary plugs in: reports AWS access key ids, with
/// the key marked sensitive, the way rampart-secrets does.
pub struct AwsKeyInspector;

impl ResponseInspector for AwsKeyInspector {
    fn rules(&self) -> Vec<Rule> {
        vec![Rule::new(
            "test/aws-key",
            "secrets",
            "AWS key",
            rampart_core::Severity::High,
            rampart_core::Confidence::High,
            "AWS key id",
        )]
    }

    fn inspect(&self, url: &str, _ct: &str, body: &[u8]) -> Vec<Finding> {
        let text = String::from_utf8_lossy(body);
        let re = regex::Regex::new(r"AKIA[0-9A-Z]{16}").unwrap();
        re.find_iter(&text)
            .map(|m| {
                Finding::new(
                    &self.rules()[0],
                    Location::Url {
                        url: url.into(),
                        method: None,
                        parameter: None,
                    },
                    "AWS key",
                )
                .with_evidence(rampart_core::Evidence::with_sensitive(
                    m.as_str(),
                    vec![0..m.as_str().len()],
                ))
            })
            .collect()
    }
}

pub fn inspector() -> Option<Arc<dyn ResponseInspector>> {
    Some(Arc::new(AwsKeyInspector))
}

pub fn rule_ids(findings: &[Finding]) -> Vec<String> {
    let mut ids: Vec<String> = findings
        .iter()
        .filter(|f| f.suppression.is_none())
        .map(|f| f.rule_id.clone())
        .collect();
    ids.sort();
    ids
}

pub fn summary(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("{} {} — {}", f.rule_id, f.locations[0].display(), f.message))
        .collect::<Vec<_>>()
        .join("\n")
}
