//! The `sca` scanner: lockfiles and manifests in, one finding per vulnerability of each
//! package out.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use rampart_core::scanner::FileInfo;
use rampart_core::{
    Confidence, Diagnostic, FileTarget, Finding, Fingerprint, Location, Rule, ScanContext,
    ScanOutput, Scanner, Severity, Suppression, SuppressionKind,
};
use serde::Deserialize;

use crate::db::{Database, DbError, default_dir};
use crate::matching::{MatchOptions, VulnMatch, match_packages, remediation_text};
use crate::package::Package;

pub const SCANNER: &str = "sca";
pub const RULE_VULNERABLE: &str = "sca/vulnerable-dependency";
pub const RULE_MALICIOUS: &str = "sca/malicious-package";
pub const RULE_UNPINNED_BASE: &str = "sca/base-image-not-pinned";
pub const RULE_EOL_BASE: &str = "sca/base-image-end-of-life";

/// `[scanner.sca]` of `rampart.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaConfig {
    /// The advisory database folder; default `$RAMPART_DB`, else `<user cache>/rampart/osv`.
    #[serde(default)]
    pub db: Option<PathBuf>,
    /// Leave out vulnerabilities that have no fixed version yet.
    #[serde(default)]
    pub ignore_unfixed: bool,
    /// Vulnerabilities to suppress, by any of their ids (CVE, GHSA, PYSEC, RUSTSEC, GO, ...).
    #[serde(default)]
    pub ignore_vulns: Vec<IgnoreVuln>,
}

/// `[[scanner.sca.ignore_vulns]] id = "CVE-2024-1234", reason = "...", expires = "2026-12-31"`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoreVuln {
    pub id: String,
    #[serde(default)]
    pub reason: Option<String>,
    /// `YYYY-MM-DD` (end of that day, UTC) or an RFC 3339 time; after it the entry stops
    /// suppressing and the scan says so.
    #[serde(default)]
    pub expires: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ScaConfigError {
    #[error(
        "[scanner.sca] ignore_vulns[{index}]: `expires = \"{value}\"` is not a date (YYYY-MM-DD) or RFC 3339 time"
    )]
    BadExpiry { index: usize, value: String },
    #[error("[scanner.sca] ignore_vulns[{index}]: empty id")]
    EmptyId { index: usize },
}

fn parse_expiry(s: &str) -> Option<jiff::Timestamp> {
    let s = s.trim();
    if let Ok(t) = s.parse::<jiff::Timestamp>() {
        return Some(t);
    }
    let d: jiff::civil::Date = s.parse().ok()?;
    // The whole expiry day is still covered.
    format!("{}T00:00:00Z", d.tomorrow().ok()?).parse().ok()
}

/// The dependency scanner.
pub struct ScaScanner {
    config: ScaConfig,
    expiries: Vec<Option<jiff::Timestamp>>,
    db_dir: Option<PathBuf>,
    db: OnceLock<Result<Arc<Database>, String>>,
    reported_db_problem: AtomicBool,
    reported_expired: Mutex<Vec<usize>>,
    /// OS package databases and os-release files seen in this scan, paired in `finish`.
    os: Mutex<crate::os::OsCollector>,
}

impl ScaScanner {
    pub fn new(config: ScaConfig) -> Result<ScaScanner, ScaConfigError> {
        let mut expiries = Vec::new();
        for (index, e) in config.ignore_vulns.iter().enumerate() {
            if e.id.trim().is_empty() {
                return Err(ScaConfigError::EmptyId { index });
            }
            expiries.push(match &e.expires {
                Some(v) => Some(parse_expiry(v).ok_or_else(|| ScaConfigError::BadExpiry {
                    index,
                    value: v.clone(),
                })?),
                None => None,
            });
        }
        let db_dir = config
            .db
            .clone()
            .or_else(|| {
                std::env::var_os("RAMPART_DB")
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            })
            .or_else(|| default_dir().ok());
        Ok(ScaScanner {
            config,
            expiries,
            db_dir,
            db: OnceLock::new(),
            reported_db_problem: AtomicBool::new(false),
            reported_expired: Mutex::new(Vec::new()),
            os: Mutex::new(crate::os::OsCollector::new()),
        })
    }

    /// A scanner using an already opened database (tests, `rampart deps`).
    pub fn with_database(
        config: ScaConfig,
        db: Arc<Database>,
    ) -> Result<ScaScanner, ScaConfigError> {
        let s = Self::new(config)?;
        let _ = s.db.set(Ok(db));
        Ok(s)
    }

    /// The database folder this scanner reads.
    pub fn db_dir(&self) -> Option<&Path> {
        self.db_dir.as_deref()
    }

    /// The database, opened once on first use; on failure one warning diagnostic (per scan)
    /// tells how to get one, and the scan goes on without SCA findings.
    fn database(&self, out: &mut ScanOutput) -> Option<Arc<Database>> {
        let res = self.db.get_or_init(|| match &self.db_dir {
            Some(dir) => Database::open(dir).map(Arc::new).map_err(|e| match e {
                DbError::Missing(d) => format!(
                    "no advisory database in {}: dependencies were not checked for vulnerabilities. \
                     Run `rampart db update` (or `rampart db import PATH` offline{})",
                    d.display(),
                    if self.config.db.is_some() { ", with the same --db" } else { "" }
                ),
                other => format!("advisory database unusable, dependencies were not checked: {other}"),
            }),
            None => Err(DbError::NoCacheDir.to_string()),
        });
        match res {
            Ok(db) => Some(db.clone()),
            Err(msg) => {
                if !self.reported_db_problem.swap(true, Ordering::SeqCst) {
                    out.diagnostic(Diagnostic::warning(SCANNER, None, msg.clone()));
                }
                None
            }
        }
    }

    /// Matches already inventoried packages (from an SBOM, an image) and reports findings.
    pub fn scan_packages(&self, packages: &[Package], out: &mut ScanOutput) {
        if packages.is_empty() {
            return;
        }
        let Some(db) = self.database(out) else { return };
        let opts = MatchOptions {
            ignore_unfixed: self.config.ignore_unfixed,
        };
        match match_packages(&db, packages, opts) {
            Ok(matches) => {
                for m in matches {
                    let f = self.finding(&m, out);
                    out.push(f);
                }
            }
            Err(e) => out.diagnostic(Diagnostic::error(SCANNER, None, None, e.to_string())),
        }
    }

    /// The matches themselves, for VEX output and `rampart deps`.
    pub fn matches(&self, packages: &[Package], out: &mut ScanOutput) -> Vec<VulnMatch> {
        let Some(db) = self.database(out) else {
            return Vec::new();
        };
        let opts = MatchOptions {
            ignore_unfixed: self.config.ignore_unfixed,
        };
        match_packages(&db, packages, opts).unwrap_or_else(|e| {
            out.diagnostic(Diagnostic::error(SCANNER, None, None, e.to_string()));
            Vec::new()
        })
    }

    fn suppression_for(&self, m: &VulnMatch, out: &mut ScanOutput) -> Option<Suppression> {
        let now = jiff::Timestamp::now();
        for (i, entry) in self.config.ignore_vulns.iter().enumerate() {
            let want = entry.id.trim();
            if !m.all_ids().any(|id| id.eq_ignore_ascii_case(want)) {
                continue;
            }
            let expiry = self.expiries.get(i).copied().flatten();
            if expiry.is_some_and(|t| t <= now) {
                let mut reported = self
                    .reported_expired
                    .lock()
                    .unwrap_or_else(|p| p.into_inner());
                if !reported.contains(&i) {
                    reported.push(i);
                    out.diagnostic(Diagnostic::warning(
                        SCANNER,
                        None,
                        format!(
                            "ignore_vulns entry for {want} expired on {}; {} is reported again",
                            entry.expires.as_deref().unwrap_or_default(),
                            m.id
                        ),
                    ));
                }
                continue;
            }
            return Some(Suppression {
                kind: SuppressionKind::Config,
                source: format!("rampart.toml [scanner.sca] ignore_vulns[{i}] ({want})"),
                reason: entry.reason.clone(),
                expires: entry.expires.clone(),
            });
        }
        None
    }

    /// The finding for one match.
    pub fn finding(&self, m: &VulnMatch, out: &mut ScanOutput) -> Finding {
        let rule = if m.malicious {
            malicious_rule()
        } else {
            vulnerable_rule()
        };
        let p = &m.package;
        let location = Location::Package {
            manifest: p.source_file.clone(),
            line: p.line,
            ecosystem: p.osv_ecosystem(),
            name: p.name.clone(),
            version: p.version.clone(),
            purl: (!p.purl.is_empty()).then(|| p.purl.clone()),
        };
        let ids = if m.aliases.is_empty() {
            m.id.clone()
        } else {
            format!("{} ({})", m.id, m.aliases.join(", "))
        };
        let mut message = if m.malicious {
            format!(
                "{} {} is a known malicious package: {ids}",
                p.name, p.version
            )
        } else {
            format!("{} {} is affected by {ids}", p.name, p.version)
        };
        if !m.summary.is_empty() {
            message.push_str(&format!(": {}", m.summary));
        }
        if !m.malicious {
            match &m.remediation {
                Some(_) => message.push_str(&format!("; {}", lower_first(&remediation_text(m)))),
                None => message.push_str("; no fixed version is published"),
            }
        }
        let paths: Vec<String> = p.paths.iter().map(|path| path.join(" > ")).collect();
        if !p.direct
            && let Some(first) = paths.first()
        {
            message.push_str(&format!(" (via {first})"));
        }
        let fingerprint = Fingerprint::from_parts([
            rule.id.as_bytes(),
            p.source_file.as_bytes(),
            p.ecosystem.osv_name().as_bytes(),
            p.name.as_bytes(),
            p.version.as_bytes(),
            m.id.as_bytes(),
        ]);
        let mut f = Finding::new(&rule, location, message)
            .with_fingerprint(fingerprint)
            .with_severity(if m.malicious {
                Severity::Critical
            } else {
                m.severity
            })
            .with_remediation(remediation_text(m))
            .with_property("vulnerability_id", m.id.clone())
            .with_property("aliases", m.aliases.clone())
            .with_property(
                "advisories",
                m.advisories
                    .iter()
                    .map(|a| a.id.clone())
                    .collect::<Vec<_>>(),
            )
            .with_property("fixed_versions", m.fixed_versions.clone())
            .with_property(
                "fixed_version",
                m.remediation.clone().unwrap_or_else(|| "not fixed".into()),
            )
            .with_property("direct", p.direct)
            .with_property("scope", format!("{:?}", p.scope).to_lowercase())
            .with_property("summary", m.summary.clone());
        if let Some(r) = &m.remediation {
            f = f.with_property("remediation_version", r.clone());
        }
        if let Some(c) = &m.cvss {
            f = f
                .with_property("cvss_vector", c.vector.clone())
                .with_property("cvss_score", c.score);
        }
        if !paths.is_empty() {
            f = f.with_property("dependency_paths", paths);
        }
        if let Some(info) = m.advisories.iter().find_map(|a| a.informational.clone()) {
            f = f.with_property("informational", info);
        }
        for c in &m.cwe_ids {
            if !f.cwe.contains(c) {
                f.cwe.push(*c);
            }
        }
        f.references = m.references.clone();
        f.suppression = self.suppression_for(m, out);
        f
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

impl Scanner for ScaScanner {
    fn name(&self) -> &'static str {
        SCANNER
    }

    fn rules(&self) -> Vec<Rule> {
        rules()
    }

    fn wants(&self, file: &FileInfo<'_>, _ctx: &ScanContext) -> bool {
        crate::inventory::detect(file.rel_path).is_some()
            || crate::os::detect(file.rel_path).is_some()
            || crate::artifacts::detect(file.rel_path, file.head).is_some()
            || crate::dockerfile::is_dockerfile(file.rel_path)
    }

    fn scan_file(&self, ctx: &ScanContext, file: &FileTarget<'_>, out: &mut ScanOutput) {
        let rel = file.info.rel_path;
        if crate::os::detect(rel).is_some() {
            self.collect_os_file(file, out);
            return;
        }
        if let Some(kind) = crate::artifacts::detect(rel, file.info.head) {
            self.scan_artifact(kind, file, out);
            return;
        }
        if crate::dockerfile::is_dockerfile(rel) {
            self.scan_dockerfile(file, out);
            return;
        }
        let Some(format) = crate::inventory::detect(rel) else {
            return;
        };
        let Some(content) = file.content else {
            out.diagnostic(Diagnostic::warning(
                SCANNER,
                Some(rel),
                format!(
                    "skipped: {} bytes is too large for a lockfile",
                    file.info.size
                ),
            ));
            return;
        };
        match crate::inventory::parse(format, ctx, rel, file.info.path, content) {
            Ok(packages) => self.scan_packages(&packages, out),
            Err(e) => out.diagnostic(Diagnostic::error(SCANNER, Some(&e.file), e.line, e.message)),
        }
    }

    fn finish(&self, _ctx: &ScanContext, out: &mut ScanOutput) {
        let collected = std::mem::take(&mut *self.os.lock().unwrap_or_else(|p| p.into_inner()));
        if collected.is_empty() {
            return;
        }
        let (packages, problems) = collected.resolve();
        for p in problems {
            out.diagnostic(os_diagnostic(p));
        }
        self.scan_packages(&packages, out);
    }
}

fn os_diagnostic(p: crate::os::OsProblem) -> Diagnostic {
    if p.is_error {
        Diagnostic::error(SCANNER, Some(&p.file), p.line, p.message)
    } else {
        Diagnostic::warning(SCANNER, Some(&p.file), p.message)
    }
}

/// Largest OS package database or artifact read (a full Fedora rpmdb.sqlite is ~100 MiB).
const MAX_OS_DB: u64 = 512 * 1024 * 1024;

impl ScaScanner {
    fn scan_dockerfile(&self, file: &FileTarget<'_>, out: &mut ScanOutput) {
        let rel = file.info.rel_path;
        let Some(content) = file.content else { return };
        let text = String::from_utf8_lossy(content);
        let inv = crate::dockerfile::parse(&text, rel);
        let today = jiff::Timestamp::now().strftime("%Y-%m-%d").to_string();
        for base in &inv.bases {
            let region = Some(rampart_core::finding::Region::line(base.line));
            let location = Location::file(rel, region);
            if base.digest.is_none() {
                let rule = unpinned_base_rule();
                let what = match base.tag.as_deref() {
                    None | Some("latest") => "`latest` (a moving tag)".to_string(),
                    Some(t) => format!("tag `{t}` without a digest"),
                };
                out.push(
                    Finding::new(
                        &rule,
                        location.clone(),
                        format!("base image `{}` is pinned by {what}", base.reference),
                    )
                    .with_fingerprint(Fingerprint::from_parts([
                        rule.id.as_bytes(),
                        rel.as_bytes(),
                        base.reference.as_bytes(),
                    ]))
                    .with_property("image", base.reference.clone()),
                );
            }
            for (product, release, date) in crate::dockerfile::end_of_life(base, &today) {
                let rule = eol_base_rule();
                out.push(
                    Finding::new(
                        &rule,
                        location.clone(),
                        format!(
                            "base image `{}` is {product} {release}, which reached end of life on {date}",
                            base.reference
                        ),
                    )
                    .with_fingerprint(Fingerprint::from_parts([
                        rule.id.as_bytes(),
                        rel.as_bytes(),
                        base.reference.as_bytes(),
                        product.as_bytes(),
                    ]))
                    .with_property("image", base.reference.clone())
                    .with_property("product", product)
                    .with_property("release", release)
                    .with_property("end_of_life", date),
                );
            }
        }
        self.scan_packages(&inv.packages, out);
    }

    fn scan_artifact(
        &self,
        kind: crate::artifacts::Artifact,
        file: &FileTarget<'_>,
        out: &mut ScanOutput,
    ) {
        let rel = file.info.rel_path;
        // Artifacts over the walk's in-memory limit (CUDA libraries, big jars) are streamed,
        // never loaded whole.
        let result = match file.content {
            Some(bytes) => crate::artifacts::parse(kind, rel, bytes),
            None => crate::artifacts::parse_file(kind, rel, file.info.path),
        };
        match result {
            Ok(inv) => {
                for n in inv.notes {
                    out.diagnostic(Diagnostic::warning(SCANNER, Some(rel), n));
                }
                self.scan_packages(&inv.packages, out);
            }
            Err(e) => out.diagnostic(Diagnostic::error(SCANNER, Some(rel), None, e)),
        }
    }

    /// Keeps an os-release file or a package database for `finish`, which matches its packages
    /// once the whole tree (and so the os-release of every root) has been seen.
    fn collect_os_file(&self, file: &FileTarget<'_>, out: &mut ScanOutput) {
        let rel = file.info.rel_path;
        let Some(content) = whole_file(file, out) else {
            return;
        };
        let mut os = self.os.lock().unwrap_or_else(|p| p.into_inner());
        if let Err(p) = os.add(rel, content.as_ref()) {
            out.diagnostic(os_diagnostic(p));
        }
    }
}

/// The file's bytes: those the walk read, or (for files over its in-memory limit) read here up
/// to [`MAX_OS_DB`]; `None` with a diagnostic when that is not possible.
fn whole_file<'a>(
    file: &FileTarget<'a>,
    out: &mut ScanOutput,
) -> Option<std::borrow::Cow<'a, [u8]>> {
    let rel = file.info.rel_path;
    if let Some(c) = file.content {
        return Some(std::borrow::Cow::Borrowed(c));
    }
    if file.info.size > MAX_OS_DB {
        out.diagnostic(Diagnostic::warning(
            SCANNER,
            Some(rel),
            format!(
                "skipped: {} bytes is more than the {MAX_OS_DB}-byte limit for a package database or artifact",
                file.info.size
            ),
        ));
        return None;
    }
    match read_bounded(file.info.path, MAX_OS_DB) {
        Ok(b) => Some(std::borrow::Cow::Owned(b)),
        Err(e) => {
            out.diagnostic(Diagnostic::error(
                SCANNER,
                Some(rel),
                None,
                format!("cannot read: {e}"),
            ));
            None
        }
    }
}

fn read_bounded(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::new();
    std::fs::File::open(path)?.take(max).read_to_end(&mut buf)?;
    Ok(buf)
}

/// The rules of the `sca` scanner.
pub fn rules() -> Vec<Rule> {
    vec![
        vulnerable_rule(),
        malicious_rule(),
        unpinned_base_rule(),
        eol_base_rule(),
    ]
}

pub fn unpinned_base_rule() -> Rule {
    Rule {
        id: RULE_UNPINNED_BASE.into(),
        scanner: SCANNER.into(),
        title: "Base image not pinned by digest".into(),
        severity: Severity::Low,
        confidence: Confidence::High,
        description: "A Dockerfile stage starts `FROM` an image by tag (or by no tag, which means \
            `latest`) instead of by `@sha256:` digest. A tag is a movable name: the same Dockerfile \
            builds on whatever the registry serves that day."
            .into(),
        rationale: "Unpinned bases make builds unreproducible and let a changed or compromised \
            upstream image flow into production unreviewed; `latest` also jumps across major \
            releases."
            .into(),
        example: Some("FROM python:3.12-slim".into()),
        remediation: "Pin the digest next to the tag (`FROM python:3.12-slim@sha256:…`) and let a \
            bot (Dependabot, Renovate) propose digest updates as reviewed changes."
            .into(),
        references: vec![
            "https://docs.docker.com/build/building/best-practices/#pin-base-image-versions".into(),
            "https://cwe.mitre.org/data/definitions/1357.html".into(),
        ],
        cwe: vec![1357],
        owasp: vec!["A08:2021".into()],
        owasp_llm: vec!["LLM03:2025".into()],
        ssdf: vec!["PS.3.1".into(), "PW.4.1".into()],
        tags: vec!["dockerfile".into(), "supply-chain".into()],
    }
}

pub fn eol_base_rule() -> Rule {
    Rule {
        id: RULE_EOL_BASE.into(),
        scanner: SCANNER.into(),
        title: "Base image past end of life".into(),
        severity: Severity::Medium,
        confidence: Confidence::High,
        description: "A Dockerfile stage is based on a distribution release (Debian, Ubuntu, \
            Alpine, CentOS) or a language runtime image (Python, Node.js) whose upstream support \
            has ended: it receives no security fixes any more."
            .into(),
        rationale: "Every vulnerability found after the end-of-life date stays open in the image \
            for good; scanners also stop seeing many of them because distributions stop \
            publishing advisories for dead releases."
            .into(),
        example: Some("FROM python:3.8-slim-buster".into()),
        remediation: "Move the stage to a supported release of the distribution or runtime \
            (the finding names the product, release and end-of-life date) and rebuild."
            .into(),
        references: vec![
            "https://endoflife.date/".into(),
            "https://cwe.mitre.org/data/definitions/1104.html".into(),
        ],
        cwe: vec![1104],
        owasp: vec!["A06:2021".into()],
        owasp_llm: vec!["LLM03:2025".into()],
        ssdf: vec!["PW.4.4".into()],
        tags: vec!["dockerfile".into(), "end-of-life".into()],
    }
}

fn common_refs() -> Vec<String> {
    vec![
        "https://ossf.github.io/osv-schema/".into(),
        "https://owasp.org/Top10/A06_2021-Vulnerable_and_Outdated_Components/".into(),
        "https://genai.owasp.org/llmrisk/llm032025-supply-chain/".into(),
        "https://cwe.mitre.org/data/definitions/1395.html".into(),
    ]
}

pub fn vulnerable_rule() -> Rule {
    Rule {
        id: RULE_VULNERABLE.into(),
        scanner: SCANNER.into(),
        title: "Dependency with a known vulnerability".into(),
        severity: Severity::High,
        confidence: Confidence::High,
        description: "A package pinned in a lockfile, manifest, installed environment or SBOM is a \
            version that an OSV advisory (GitHub, PyPA, RustSec, Go, distribution security trackers) \
            lists as affected. The version is compared with the ecosystem's own ordering rules, and \
            advisories describing the same vulnerability under different ids are reported once. The \
            severity comes from the advisory's CVSS vector (or the database's own rating)."
            .into(),
        rationale: "Known vulnerabilities in dependencies are the easiest ones to exploit: the \
            advisory, and often a working exploit, are public. Machine-learning projects pull in \
            large dependency trees (numerical libraries, model loaders, web frameworks for serving) \
            where such versions linger."
            .into(),
        example: Some("# requirements.txt\nrequests==2.19.0   # CVE-2018-18074 fixed in 2.20.0".into()),
        remediation: "Upgrade the package to the fixed version the finding names (for a \
            transitive dependency, upgrade the direct dependency that pulls it in, or pin the fixed \
            version with an override). If no fix exists or the vulnerable code is not reachable, \
            record the decision in `[scanner.sca] ignore_vulns` with a reason and an expiry date."
            .into(),
        references: common_refs(),
        cwe: vec![1395, 1104],
        owasp: vec!["A06:2021".into()],
        owasp_llm: vec!["LLM03:2025".into()],
        ssdf: vec!["PW.4.4".into(), "RV.1.1".into()],
        tags: vec!["dependency".into(), "supply-chain".into(), "osv".into()],
    }
}

pub fn malicious_rule() -> Rule {
    Rule {
        id: RULE_MALICIOUS.into(),
        scanner: SCANNER.into(),
        title: "Known malicious package".into(),
        severity: Severity::Critical,
        confidence: Confidence::High,
        description: "A dependency is a package version that the OpenSSF malicious-packages feed (OSV \
            `MAL-` records) reports as malicious: typosquats, hijacked releases and packages built to \
            steal credentials or run code at install time."
            .into(),
        rationale: "A malicious package runs attacker code on every machine that installs it, \
            usually from an install hook, before any test or review. Developer laptops and CI \
            runners hold exactly the credentials such packages look for."
            .into(),
        example: Some("# package-lock.json\n\"node_modules/event-stream\": { \"version\": \"3.3.6\" }".into()),
        remediation: "Remove the package, pin a known-good version or an alternative, and treat every \
            machine that installed it as compromised: rotate the credentials it could read and \
            review it for persistence."
            .into(),
        references: {
            let mut r = common_refs();
            r.push("https://github.com/ossf/malicious-packages".into());
            r.push("https://cwe.mitre.org/data/definitions/506.html".into());
            r
        },
        cwe: vec![506, 1395],
        owasp: vec!["A08:2021".into(), "A06:2021".into()],
        owasp_llm: vec!["LLM03:2025".into()],
        ssdf: vec!["PW.4.4".into(), "RV.1.1".into()],
        tags: vec!["dependency".into(), "supply-chain".into(), "malware".into()],
    }
}
