//! Helm charts and Kustomize overlays, rendered by the real tools when they are on PATH:
//! `helm template` and `kustomize build` (or `kubectl kustomize`). They only render: no
//! cluster, no network (Helm's repository cache and config point into an empty temporary
//! directory), a timeout, and bounded output. The output is read as Kubernetes manifests.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rampart_core::scanner::DiagnosticLevel;
use rampart_core::{Diagnostic, ScanContext};

use crate::document::{Document, DocumentKind};
use crate::parse::kubernetes;
use crate::policy::SCANNER;
use crate::yaml;

/// Most bytes of rendered output read.
const MAX_OUTPUT: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Helm,
    Kustomize,
}

impl Tool {
    fn what(self) -> &'static str {
        match self {
            Tool::Helm => "Helm chart",
            Tool::Kustomize => "Kustomize overlay",
        }
    }
}

/// The first of `names` found on PATH.
pub fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// The note saying a chart or overlay was scanned as raw files.
pub fn not_rendered_note(tool: Tool, dir: &str, reason: &str) -> Diagnostic {
    let shown = if dir.is_empty() { "." } else { dir };
    Diagnostic {
        level: DiagnosticLevel::Note,
        scanner: SCANNER.into(),
        path: Some(shown.to_string()),
        line: None,
        message: format!(
            "{} not rendered ({reason}); its files were scanned as they are",
            tool.what()
        ),
    }
}

/// Whether `path` (a template of a Helm chart) will be checked through the chart's rendering,
/// so the raw template must not be scanned too.
pub fn rendered_elsewhere(ctx: &ScanContext, path: &str) -> bool {
    let Some((chart, _)) = path
        .split_once("/templates/")
        .or_else(|| path.strip_prefix("templates/").map(|rest| ("", rest)))
    else {
        return false;
    };
    on_path("helm").is_some() && ctx.root.join(chart).join("Chart.yaml").is_file()
}

/// Runs `cmd` with a timeout, returning its standard output (bounded).
fn run(mut cmd: Command, timeout: Duration) -> Result<String, String> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| format!("cannot start: {e}"))?;
    let mut stdout = child.stdout.take().ok_or("no stdout")?;
    let mut stderr = child.stderr.take().ok_or("no stderr")?;
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = (&mut stdout).take(MAX_OUTPUT).read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = (&mut stderr).take(64 * 1024).read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {}s", timeout.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(e.to_string()),
        }
    };
    let out = reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    if !status.success() {
        let msg = String::from_utf8_lossy(&err);
        let first = msg
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("failed");
        return Err(format!("exited with {status}: {first}"));
    }
    String::from_utf8(out).map_err(|_| "output is not UTF-8".to_string())
}

/// Renders the chart or overlay in `dir` (relative to the scan root) into documents, each
/// with the rendered text its lines refer to. `Err` is the reason it was not rendered.
pub fn render(
    ctx: &ScanContext,
    tool: Tool,
    dir: &str,
    timeout: Duration,
) -> Result<Vec<(Document, String)>, String> {
    let abs = ctx.root.join(dir);
    match tool {
        Tool::Helm => {
            let helm = on_path("helm").ok_or("`helm` is not on PATH")?;
            let home = tempdir()?;
            let mut cmd = Command::new(helm);
            cmd.arg("template").arg("rampart").arg(&abs);
            for var in ["HELM_CACHE_HOME", "HELM_CONFIG_HOME", "HELM_DATA_HOME"] {
                cmd.env(var, home.path());
            }
            let out = run(cmd, timeout);
            let _ = std::fs::remove_dir_all(home.path());
            Ok(split_helm_output(dir, &out?))
        }
        Tool::Kustomize => {
            let cmd = if let Some(k) = on_path("kustomize") {
                let mut c = Command::new(k);
                c.arg("build").arg(&abs);
                c
            } else if let Some(k) = on_path("kubectl") {
                let mut c = Command::new(k);
                c.arg("kustomize").arg(&abs);
                c
            } else {
                return Err("neither `kustomize` nor `kubectl` is on PATH".into());
            };
            let out = run(cmd, timeout)?;
            let file = if dir.is_empty() {
                "kustomization.yaml".to_string()
            } else {
                format!("{dir}/kustomization.yaml")
            };
            let docs = yaml::load_all(&out).map_err(|e| format!("rendered output: {e}"))?;
            let mut resources = kubernetes::resources_of(&file, &docs);
            // Lines of the build output mean nothing in the overlay's file.
            for r in &mut resources {
                r.line = 1;
                r.end_line = 1;
                r.lines.clear();
            }
            Ok(vec![(
                Document {
                    kind: DocumentKind::Kubernetes,
                    path: file,
                    resources,
                },
                String::new(),
            )])
        }
    }
}

/// `helm template` output, split by its `# Source: chart/templates/x.yaml` comments into one
/// document per template file (lines relative to the rendered template).
fn split_helm_output(dir: &str, out: &str) -> Vec<(Document, String)> {
    let mut pieces: Vec<(String, String)> = Vec::new();
    for chunk in out.split("\n---") {
        let chunk = chunk.trim_start_matches("---").trim_start_matches('\n');
        let source = chunk
            .lines()
            .find_map(|l| l.strip_prefix("# Source: "))
            .map(str::trim);
        let Some(source) = source else { continue };
        // `chart/templates/x.yaml` → `<dir>/templates/x.yaml`.
        let rel = source.split_once('/').map_or(source, |(_, r)| r);
        let file = if dir.is_empty() {
            rel.to_string()
        } else {
            format!("{dir}/{rel}")
        };
        match pieces.iter_mut().find(|(f, _)| *f == file) {
            Some((_, text)) => {
                text.push_str("---\n");
                text.push_str(chunk);
                text.push('\n');
            }
            None => pieces.push((file, format!("{chunk}\n"))),
        }
    }
    let mut docs = Vec::new();
    for (file, text) in pieces {
        let Ok(nodes) = yaml::load_all(&text) else {
            continue;
        };
        let resources = kubernetes::resources_of(&file, &nodes);
        docs.push((
            Document {
                kind: DocumentKind::Kubernetes,
                path: file,
                resources,
            },
            text,
        ));
    }
    docs
}

/// A private empty directory for Helm's home, removed after the run.
struct TempDir(PathBuf);

impl TempDir {
    fn path(&self) -> &Path {
        &self.0
    }
}

fn tempdir() -> Result<TempDir, String> {
    let base = std::env::temp_dir();
    for i in 0..100u32 {
        let p = base.join(format!("rampart-helm-{}-{i}", std::process::id()));
        if std::fs::create_dir(&p).is_ok() {
            return Ok(TempDir(p));
        }
    }
    Err("cannot create a temporary directory".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helm_output_is_split_by_source() {
        let out = "---\n# Source: app/templates/svc.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: LoadBalancer\n---\n# Source: app/templates/pod.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n";
        let docs = split_helm_output("charts/app", out);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].0.path, "charts/app/templates/svc.yaml");
        assert_eq!(docs[0].0.resources[0].address, "Service/s");
        assert_eq!(docs[1].0.resources[0].resource_type, "Pod");
    }
}
