//! SBOMs: CycloneDX 1.6 and SPDX 2.3 JSON out (with CycloneDX VEX for vulnerabilities), and
//! CycloneDX 1.4–1.6 / SPDX 2.2–2.3 JSON in, as [`Package`]s.
//!
//! rampart's own facts that neither format has a field for (direct or not, dependency paths,
//! the lockfile line) travel as CycloneDX `properties` / SPDX annotations named `rampart:*`,
//! so that reading back what rampart wrote gives the same packages. SBOMs from other tools are
//! read from their standard fields: the dependency graph gives direct packages and paths.

use std::collections::{HashMap, HashSet};

use sha2::{Digest, Sha256};

use crate::inventory::graph::DepGraph;
use crate::inventory::purl;
use crate::package::{Package, Scope};

pub mod cyclonedx;
pub mod spdx;

/// One vulnerability affecting one package, as the matcher reports it, for CycloneDX VEX.
#[derive(Debug, Clone, PartialEq)]
pub struct VexEntry {
    /// The primary id (an OSV id such as `GHSA-...`, `PYSEC-...`, `RUSTSEC-...`).
    pub id: String,
    /// Every other id of the same vulnerability (CVE, GHSA, ...).
    pub aliases: Vec<String>,
    /// The purl of the affected package, as in [`Package::purl`].
    pub purl: String,
    pub severity: rampart_core::Severity,
    /// CVSS base score when one was computed.
    pub score: Option<f64>,
    /// The smallest fixed version above the installed one.
    pub fixed: Option<String>,
    pub description: String,
    pub cwes: Vec<u32>,
}

/// Document-level facts of an SBOM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SbomMeta {
    /// What the SBOM describes (the scanned project's folder name).
    pub name: String,
    pub version: Option<String>,
    /// rampart's version, for the tool entry.
    pub tool_version: String,
    /// RFC 3339 UTC time (`2026-01-01T00:00:00Z`); `None` means now. Tests pass a fixed time.
    pub timestamp: Option<String>,
}

impl SbomMeta {
    pub fn new(name: impl Into<String>) -> Self {
        SbomMeta {
            name: name.into(),
            version: None,
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            timestamp: None,
        }
    }

    pub(crate) fn time(&self) -> String {
        self.timestamp.clone().unwrap_or_else(|| {
            jiff::Timestamp::now()
                .strftime("%Y-%m-%dT%H:%M:%SZ")
                .to_string()
        })
    }

    /// A UUID derived from the document's content, so the same inputs give the same SBOM.
    pub(crate) fn uuid(&self, packages: &[Package]) -> String {
        let mut h = Sha256::new();
        h.update(self.name.as_bytes());
        h.update(self.time().as_bytes());
        for p in packages {
            h.update(p.purl.as_bytes());
            h.update(p.source_file.as_bytes());
        }
        let d = h.finalize();
        let mut b = [0u8; 16];
        b.copy_from_slice(d.get(..16).unwrap_or(&[0; 16]));
        // RFC 4122 layout: version 5 (name-based), variant 10.
        b[6] = (b[6] & 0x0f) | 0x50;
        b[8] = (b[8] & 0x3f) | 0x80;
        let x = hex::encode(b);
        format!(
            "{}-{}-{}-{}-{}",
            x.get(0..8).unwrap_or(""),
            x.get(8..12).unwrap_or(""),
            x.get(12..16).unwrap_or(""),
            x.get(16..20).unwrap_or(""),
            x.get(20..32).unwrap_or("")
        )
    }
}

/// An SBOM that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SbomError {
    #[error("invalid JSON at line {line}: {message}")]
    Json { line: u32, message: String },
    #[error("not a CycloneDX or SPDX JSON document")]
    UnknownFormat,
    #[error("unsupported {format} version {version}")]
    UnsupportedVersion {
        format: &'static str,
        version: String,
    },
}

/// Reads a CycloneDX (1.4–1.6) or SPDX (2.2–2.3) JSON SBOM.
pub fn read(content: &[u8]) -> Result<Vec<Package>, SbomError> {
    read_file(content, "")
}

/// Like [`read`]; packages whose SBOM entry names no source file get `sbom_path`.
pub fn read_file(content: &[u8], sbom_path: &str) -> Result<Vec<Package>, SbomError> {
    let content = content.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(content);
    let doc: serde_json::Value = serde_json::from_slice(content).map_err(|e| SbomError::Json {
        line: u32::try_from(e.line()).unwrap_or(0),
        message: e.to_string(),
    })?;
    if doc.get("bomFormat").and_then(|v| v.as_str()) == Some("CycloneDX") {
        cyclonedx::read(&doc, sbom_path)
    } else if doc.get("spdxVersion").is_some() {
        spdx::read(&doc, sbom_path)
    } else {
        Err(SbomError::UnknownFormat)
    }
}

/// `name@version`, the label dependency paths use.
pub(crate) fn label(p: &Package) -> String {
    format!("{}@{}", p.name, p.version)
}

/// Unique, stable references for packages: the purl, or the purl with the source file (and
/// line) when the same purl occurs in several files.
pub(crate) fn refs(packages: &[Package]) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    packages
        .iter()
        .map(|p| {
            let mut r = p.purl.clone();
            if !seen.insert(r.clone()) {
                r = format!("{}|{}", p.purl, p.source_file);
                if !seen.insert(r.clone()) {
                    r = format!("{}|{}:{}", p.purl, p.source_file, p.line.unwrap_or(0));
                    let mut n = 2;
                    while !seen.insert(r.clone()) {
                        r = format!("{}|{}:{}#{n}", p.purl, p.source_file, p.line.unwrap_or(0));
                        n += 1;
                    }
                }
            }
            r
        })
        .collect()
}

/// Edges `parent index → child index` recovered from the packages' dependency paths, within
/// each source file.
pub(crate) fn edges(packages: &[Package]) -> Vec<Vec<usize>> {
    let mut by_label: HashMap<(&str, String), usize> = HashMap::new();
    for (i, p) in packages.iter().enumerate() {
        by_label
            .entry((p.source_file.as_str(), label(p)))
            .or_insert(i);
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); packages.len()];
    for p in packages {
        for path in &p.paths {
            for w in path.windows(2) {
                let (Some(a), Some(b)) = (w.first(), w.get(1)) else {
                    continue;
                };
                let from = by_label.get(&(p.source_file.as_str(), a.clone()));
                let to = by_label.get(&(p.source_file.as_str(), b.clone()));
                if let (Some(&f), Some(&t)) = (from, to)
                    && f != t
                    && !out[f].contains(&t)
                {
                    out[f].push(t);
                }
            }
        }
    }
    out
}

/// rampart's own per-package facts, written as `rampart:*` name/value pairs.
pub(crate) fn rampart_facts(p: &Package) -> Vec<(&'static str, String)> {
    let mut v = vec![("rampart:direct", p.direct.to_string())];
    if !p.source_file.is_empty() {
        v.push(("rampart:source_file", p.source_file.clone()));
    }
    if let Some(l) = p.line {
        v.push(("rampart:line", l.to_string()));
    }
    v.push(("rampart:scope", scope_str(p.scope).to_string()));
    for path in &p.paths {
        v.push(("rampart:path", path.join(" > ")));
    }
    v
}

pub(crate) fn scope_str(s: Scope) -> &'static str {
    match s {
        Scope::Runtime => "runtime",
        Scope::Dev => "dev",
        Scope::Optional => "optional",
    }
}

/// A package read from an SBOM entry before the graph is applied.
pub(crate) struct ReadEntry {
    pub package: Package,
    /// Whether `rampart:*` facts were present (then the graph does not override them).
    pub has_facts: bool,
}

/// Builds a package from a purl string; `None` for unknown types or purls without version.
pub(crate) fn package_from_purl(p: &str, source: &str) -> Option<Package> {
    let parsed = purl::parse(p).ok()?;
    let eco = parsed.ecosystem()?;
    let version = parsed.version.clone()?;
    let name = parsed.package_name();
    let mut pkg = crate::inventory::new_package(eco.clone(), &name, &version, source, None);
    let distro = parsed.qualifier("distro").map(str::to_string);
    if eco.is_os() {
        pkg.distro = distro;
    }
    // Keep the purl as the SBOM gives it: it is the identity other tools know.
    pkg.purl = p.to_string();
    Some(pkg)
}

/// Applies `rampart:*` facts to a package; returns whether any were present.
pub(crate) fn apply_facts<'a>(
    pkg: &mut Package,
    facts: impl Iterator<Item = (&'a str, &'a str)>,
) -> bool {
    let mut any = false;
    for (k, v) in facts {
        match k {
            "rampart:direct" => {
                pkg.direct = v == "true";
                any = true;
            }
            "rampart:source_file" => pkg.source_file = v.to_string(),
            "rampart:line" => pkg.line = v.parse().ok(),
            "rampart:scope" => {
                pkg.scope = match v {
                    "dev" => Scope::Dev,
                    "optional" => Scope::Optional,
                    _ => Scope::Runtime,
                }
            }
            "rampart:path" => pkg.paths.push(v.split(" > ").map(str::to_string).collect()),
            _ => {}
        }
    }
    any
}

/// For SBOMs without rampart facts: direct packages and paths from the document's graph.
/// `roots` are (entry index, scope); `edges` are entry index pairs.
pub(crate) fn apply_graph(
    entries: &mut [ReadEntry],
    roots: &[(usize, Scope)],
    edges: &[(usize, usize)],
) {
    let mut g = DepGraph::new();
    for e in entries.iter() {
        g.add_node(label(&e.package));
    }
    for &(a, b) in edges {
        g.add_edge(a, b);
    }
    for &(r, s) in roots {
        g.add_root(r, s);
    }
    if !g.has_roots() {
        return;
    }
    let facts = g.solve();
    for (e, f) in entries.iter_mut().zip(facts) {
        if e.has_facts {
            continue;
        }
        e.package.direct = f.direct;
        e.package.paths = f.paths;
        if let Some(s) = f.scope
            && e.package.scope == Scope::Runtime
        {
            e.package.scope = s;
        }
    }
}
