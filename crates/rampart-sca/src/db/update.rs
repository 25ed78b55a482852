//! `rampart db update`: downloads `<base>/<ECOSYSTEM>/all.zip` for each ecosystem (the layout of
//! the public OSV bucket and of any mirror of it), conditionally on the validators of the last
//! download (`If-None-Match` / `If-Modified-Since`), so an unchanged archive is not fetched
//! again. A download is written to a temporary file, read and verified completely, and only
//! then swapped in.

use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

use super::{BuildStats, Builder, DbError, Meta};
use crate::advisory::parse_ecosystem;

pub const DEFAULT_BASE_URL: &str = "https://osv-vulnerabilities.storage.googleapis.com";

/// Ecosystems rampart can match, in the bucket's spelling.
pub const SUPPORTED: [&str; 18] = [
    "PyPI",
    "npm",
    "crates.io",
    "Go",
    "Maven",
    "NuGet",
    "Packagist",
    "RubyGems",
    "Alpine",
    "Debian",
    "Red Hat",
    "Ubuntu",
    "Rocky Linux",
    "AlmaLinux",
    "openSUSE",
    "SUSE",
    "Wolfi",
    "Chainguard",
];

/// Largest archive accepted (the biggest OSV ecosystem archives are a few hundred MiB).
const MAX_DOWNLOAD: u64 = 4 * 1024 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct UpdateOptions {
    pub base_url: String,
    /// `None`: every supported ecosystem the mirror lists in `ecosystems.txt`.
    pub ecosystems: Option<Vec<String>>,
    pub timeout: Duration,
}

impl Default for UpdateOptions {
    fn default() -> Self {
        UpdateOptions {
            base_url: DEFAULT_BASE_URL.to_string(),
            ecosystems: None,
            timeout: Duration::from_secs(600),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Updated(BuildStats),
    /// The server answered 304 Not Modified.
    Unchanged,
    /// The mirror has no archive for it (404).
    NotFound,
    /// The download or its verification failed; the previous index (if any) was kept.
    Failed(String),
}

#[derive(Debug, Clone, Default)]
pub struct UpdateReport {
    pub ecosystems: Vec<(String, Outcome)>,
}

impl UpdateReport {
    pub fn failures(&self) -> Vec<(&str, &str)> {
        self.ecosystems
            .iter()
            .filter_map(|(e, o)| match o {
                Outcome::Failed(m) => Some((e.as_str(), m.as_str())),
                _ => None,
            })
            .collect()
    }

    pub fn render(&self) -> String {
        let mut s = String::new();
        for (e, o) in &self.ecosystems {
            let line = match o {
                Outcome::Updated(st) => format!(
                    "{e}: updated, {} advisories ({} records, {} withdrawn)",
                    st.advisories, st.records, st.withdrawn
                ),
                Outcome::Unchanged => {
                    format!("{e}: unchanged (not modified since the last download)")
                }
                Outcome::NotFound => format!("{e}: not on this mirror, skipped"),
                Outcome::Failed(m) => format!("{e}: FAILED, kept the previous data: {m}"),
            };
            s.push_str(&line);
            s.push('\n');
        }
        s
    }
}

fn encode_segment(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .user_agent(concat!("rampart/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// Updates the database in `db_dir` from `opts.base_url`.
pub fn update(db_dir: &Path, opts: &UpdateOptions) -> Result<UpdateReport, DbError> {
    let base = opts.base_url.trim_end_matches('/').to_string();
    let agent = agent(opts.timeout);
    let ecosystems: Vec<String> = match &opts.ecosystems {
        Some(list) => list.clone(),
        None => listed_ecosystems(&agent, &base),
    };
    std::fs::create_dir_all(db_dir).map_err(|e| DbError::io(db_dir, e))?;
    let mut report = UpdateReport::default();
    for eco in ecosystems {
        let outcome = if parse_ecosystem(&eco).is_none_or(|(_, release)| release.is_some()) {
            Outcome::Failed(format!("`{eco}` is not an ecosystem rampart can match"))
        } else {
            match update_one(&agent, &base, &eco, db_dir) {
                Ok(o) => o,
                Err(e) => Outcome::Failed(e.to_string()),
            }
        };
        report.ecosystems.push((eco, outcome));
    }
    Ok(report)
}

/// The supported ecosystems the mirror's `ecosystems.txt` lists, or all supported ones when it
/// has no such file.
fn listed_ecosystems(agent: &ureq::Agent, base: &str) -> Vec<String> {
    let url = format!("{base}/ecosystems.txt");
    let listed = agent
        .get(&url)
        .call()
        .ok()
        .filter(|r| r.status() == 200)
        .and_then(|r| {
            let mut text = String::new();
            r.into_body()
                .into_with_config()
                .limit(1024 * 1024)
                .reader()
                .read_to_string(&mut text)
                .ok()?;
            Some(text)
        });
    match listed {
        Some(text) => {
            let names: Vec<&str> = text.lines().map(str::trim).collect();
            SUPPORTED
                .iter()
                .filter(|s| names.contains(s))
                .map(|s| s.to_string())
                .collect()
        }
        None => SUPPORTED.iter().map(|s| s.to_string()).collect(),
    }
}

fn update_one(
    agent: &ureq::Agent,
    base: &str,
    eco: &str,
    db_dir: &Path,
) -> Result<Outcome, DbError> {
    let url = format!("{base}/{}/all.zip", encode_segment(eco));
    let dl_err = |m: String| DbError::Download {
        url: url.clone(),
        message: m,
    };
    let previous = Meta::read(db_dir)?.and_then(|m| m.ecosystems.get(eco).cloned());
    let previous = previous.filter(|p| db_dir.join(&p.file).is_file() && p.source == url);
    let mut req = agent.get(&url);
    if let Some(p) = &previous {
        if let Some(etag) = &p.etag {
            req = req.header("If-None-Match", etag);
        }
        if let Some(lm) = &p.last_modified {
            req = req.header("If-Modified-Since", lm);
        }
    }
    let resp = req.call().map_err(|e| dl_err(e.to_string()))?;
    let status = resp.status().as_u16();
    match status {
        304 if previous.is_some() => return Ok(Outcome::Unchanged),
        404 => return Ok(Outcome::NotFound),
        200 => {}
        other => return Err(dl_err(format!("HTTP status {other}"))),
    }
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let etag = header("etag");
    let last_modified = header("last-modified");
    let tmp = db_dir.join(format!(
        ".download-{}-{}.zip",
        encode_segment(eco),
        std::process::id()
    ));
    let result = (|| -> Result<Outcome, DbError> {
        {
            let mut file = std::fs::File::create(&tmp).map_err(|e| DbError::io(&tmp, e))?;
            let mut reader = resp
                .into_body()
                .into_with_config()
                .limit(MAX_DOWNLOAD)
                .reader();
            std::io::copy(&mut reader, &mut file).map_err(|e| dl_err(e.to_string()))?;
            file.flush().map_err(|e| DbError::io(&tmp, e))?;
        }
        let file = std::fs::File::open(&tmp).map_err(|e| DbError::io(&tmp, e))?;
        let mut builder = Builder::new();
        super::import::read_zip(std::io::BufReader::new(file), &url, &mut builder)?;
        builder.retain(eco);
        if builder.is_empty() {
            return Err(DbError::Archive(format!(
                "{url}: no {eco} records in the archive"
            )));
        }
        let committed = builder.commit(db_dir, &|_| {
            (url.clone(), etag.clone(), last_modified.clone())
        })?;
        let stats = committed
            .into_iter()
            .find(|(e, _)| e == eco)
            .map(|(_, s)| s)
            .ok_or_else(|| DbError::Archive(format!("{url}: nothing committed")))?;
        Ok(Outcome::Updated(stats))
    })();
    let _ = std::fs::remove_file(&tmp);
    result
}
