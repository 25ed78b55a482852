//! Matching packages against the advisory database.
//!
//! For each package: every advisory naming it (same ecosystem, same normalised name, a release
//! that applies) whose affected entry contains the installed version. Advisories that describe
//! the same vulnerability (they share an id or an alias: GHSA, CVE, PYSEC, RUSTSEC, GO ids) are
//! merged by union-find into one [`VulnMatch`], so one vulnerability is one finding that lists
//! every id. The remediation is the smallest fixed version above the installed one.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use rampart_core::Severity;

use crate::advisory::severity::{primary_cvss, severity_of};
use crate::advisory::{Advisory, CvssScore, Installed, RangeKind};
use crate::db::{Database, DbError};
use crate::package::{Ecosystem, Package};
use crate::version::Scheme;

/// One vulnerability of one package.
#[derive(Debug, Clone, PartialEq)]
pub struct VulnMatch {
    pub package: Package,
    /// The id the finding is reported under (an OSV record id, see [`canonical_id`]).
    pub id: String,
    /// Every other id of the vulnerability (record ids and their aliases), sorted.
    pub aliases: Vec<String>,
    /// The OSV records merged into this match, canonical first (without their `affected`).
    pub advisories: Vec<Advisory>,
    pub summary: String,
    pub severity: Severity,
    pub cvss: Option<CvssScore>,
    /// Every fixed version of the ranges that contain the installed version, ascending.
    pub fixed_versions: Vec<String>,
    /// The smallest fixed version above the installed one.
    pub remediation: Option<String>,
    pub malicious: bool,
    pub cwe_ids: Vec<u32>,
    pub references: Vec<String>,
}

impl VulnMatch {
    /// Every id, canonical first.
    pub fn all_ids(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct MatchOptions {
    /// Leave out vulnerabilities without a fixed version above the installed one.
    pub ignore_unfixed: bool,
}

/// Matches `packages` against `db`. Packages that appear more than once with the same
/// ecosystem, name, version and file (one per dependency path) are matched once, their paths
/// merged.
pub fn match_packages(
    db: &Database,
    packages: &[Package],
    opts: MatchOptions,
) -> Result<Vec<VulnMatch>, DbError> {
    let mut out = Vec::new();
    for pkg in dedupe(packages) {
        let advisories = db.advisories_for(&pkg.ecosystem, &pkg.name)?;
        if advisories.is_empty() {
            continue;
        }
        out.extend(match_package(&advisories, &pkg, opts));
    }
    Ok(out)
}

fn dedupe(packages: &[Package]) -> Vec<Package> {
    let mut by_key: BTreeMap<(&Ecosystem, &str, &str, &str, Option<&str>), Package> =
        BTreeMap::new();
    for p in packages {
        let key = (
            &p.ecosystem,
            p.name.as_str(),
            p.version.as_str(),
            p.source_file.as_str(),
            p.distro.as_deref(),
        );
        match by_key.get_mut(&key) {
            Some(existing) => {
                for path in &p.paths {
                    if !existing.paths.contains(path) {
                        existing.paths.push(path.clone());
                    }
                }
                existing.direct |= p.direct;
                if existing.line.is_none() || (p.line.is_some() && p.line < existing.line) {
                    existing.line = p.line;
                }
            }
            None => {
                by_key.insert(key, p.clone());
            }
        }
    }
    by_key.into_values().collect()
}

/// Matches one package against the advisories naming it.
pub fn match_package(advisories: &[Advisory], pkg: &Package, opts: MatchOptions) -> Vec<VulnMatch> {
    let Some(installed) = Installed::new(&pkg.ecosystem, &pkg.version) else {
        return Vec::new();
    };
    // The affecting advisories, with the fixed versions of the entries that affect the package.
    let mut hits: Vec<(&Advisory, Vec<String>)> = Vec::new();
    for adv in advisories {
        let mut affected = false;
        let mut fixed = Vec::new();
        for a in &adv.affected {
            if a.name != pkg.name || !a.applies_to(&pkg.ecosystem, pkg.distro.as_deref()) {
                continue;
            }
            if a.affects(&installed) {
                affected = true;
                for r in a.ranges.iter().filter(|r| r.kind != RangeKind::Git) {
                    fixed.extend(r.fixed().map(str::to_string));
                }
            }
        }
        if affected {
            hits.push((adv, fixed));
        }
    }
    if hits.is_empty() {
        return Vec::new();
    }
    // Union-find over advisories sharing any id.
    let mut parent: Vec<usize> = (0..hits.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut owner: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (adv, _)) in hits.iter().enumerate() {
        for id in std::iter::once(&adv.id).chain(&adv.aliases) {
            let key = id.to_ascii_uppercase();
            match owner.get(&key) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    if a != b {
                        parent[a] = b;
                    }
                }
                None => {
                    owner.insert(key, i);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..hits.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let scheme = Scheme::for_ecosystem(&pkg.ecosystem);
    let mut out = Vec::new();
    for members in groups.values() {
        let records: Vec<&Advisory> = members.iter().map(|&i| hits[i].0).collect();
        let id = canonical_id(&records);
        let mut ordered: Vec<Advisory> = records.iter().map(|a| a.without_affected()).collect();
        ordered.sort_by_key(|a| (a.id != id, a.id.clone()));
        let mut aliases: Vec<String> = Vec::new();
        for a in &ordered {
            for x in std::iter::once(&a.id).chain(&a.aliases) {
                if x != &id && !aliases.contains(x) {
                    aliases.push(x.clone());
                }
            }
        }
        aliases.sort();
        let mut fixed: Vec<String> = Vec::new();
        for &i in members {
            for f in &hits[i].1 {
                if !fixed.contains(f) {
                    fixed.push(f.clone());
                }
            }
        }
        let order = |a: &String, b: &String| match scheme {
            Some(s) => match (s.parse(a), s.parse(b)) {
                (Ok(x), Ok(y)) => x.cmp(&y),
                (Ok(_), Err(_)) => Ordering::Less,
                (Err(_), Ok(_)) => Ordering::Greater,
                (Err(_), Err(_)) => a.cmp(b),
            },
            None => a.cmp(b),
        };
        fixed.sort_by(order);
        // The version that fixes every merged record: per record the smallest fixed version
        // above the installed one, then the largest of those.
        let remediation = members
            .iter()
            .filter_map(|&i| {
                let mut own: Vec<&String> = hits[i]
                    .1
                    .iter()
                    .filter(|f| is_above(&installed, f, &pkg.ecosystem))
                    .collect();
                own.sort_by(|a, b| order(a, b));
                own.first().map(|f| (*f).clone())
            })
            .max_by(|a, b| order(a, b));
        if opts.ignore_unfixed && remediation.is_none() {
            continue;
        }
        let severity = ordered
            .iter()
            .map(severity_of)
            .max()
            .unwrap_or(Severity::Medium);
        let cvss = ordered
            .iter()
            .filter_map(primary_cvss)
            .max_by(|a, b| {
                a.version
                    .cmp(&b.version)
                    .then(a.score.partial_cmp(&b.score).unwrap_or(Ordering::Equal))
            })
            .cloned();
        let summary = ordered
            .iter()
            .map(|a| a.summary.trim())
            .find(|s| !s.is_empty())
            .map(str::to_string)
            .or_else(|| {
                ordered
                    .iter()
                    .map(|a| first_sentence(&a.details))
                    .find(|s| !s.is_empty())
            })
            .unwrap_or_default();
        let mut cwe_ids: Vec<u32> = ordered
            .iter()
            .flat_map(|a| a.cwe_ids.iter().copied())
            .collect();
        cwe_ids.sort_unstable();
        cwe_ids.dedup();
        let mut references = vec![format!("https://osv.dev/vulnerability/{id}")];
        for a in &ordered {
            for r in &a.references {
                if !references.contains(r) && references.len() < 12 {
                    references.push(r.clone());
                }
            }
        }
        out.push(VulnMatch {
            package: pkg.clone(),
            malicious: ordered.iter().any(Advisory::is_malicious),
            id,
            aliases,
            advisories: ordered,
            summary,
            severity,
            cvss,
            fixed_versions: fixed,
            remediation,
            cwe_ids,
            references,
        });
    }
    out.sort_by(|a, b| b.severity.cmp(&a.severity).then_with(|| a.id.cmp(&b.id)));
    out
}

/// Whether `fixed` is above the installed version: by the ecosystem's scheme, or as SemVer for
/// versions of SEMVER ranges that the ecosystem scheme cannot read.
fn is_above(installed: &Installed<'_>, fixed: &str, eco: &Ecosystem) -> bool {
    if let Some(o) = installed.cmp_ecosystem(fixed) {
        return o == Ordering::Less;
    }
    let s = if *eco == Ecosystem::Go {
        Scheme::Go
    } else {
        Scheme::SemVer
    };
    s.compare(installed.raw, fixed)
        .is_ok_and(|o| o == Ordering::Less)
}

fn first_sentence(details: &str) -> String {
    let line = details
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let cut = line.find(". ").map_or(line.len(), |i| i + 1);
    let s = &line[..cut];
    if s.chars().count() > 200 {
        format!("{}…", s.chars().take(200).collect::<String>())
    } else {
        s.to_string()
    }
}

/// The id a merged vulnerability is reported under: a record id, preferring the ecosystem's own
/// database (RUSTSEC, GO, PYSEC, MAL, ...) over GHSA, then the alphabetically first.
pub fn canonical_id(records: &[&Advisory]) -> String {
    let rank = |id: &str| if id.starts_with("GHSA-") { 1 } else { 0 };
    records
        .iter()
        .map(|a| a.id.as_str())
        .min_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)))
        .unwrap_or_default()
        .to_string()
}

/// The remediation text of a match: "upgrade X to ≥ Y".
pub fn remediation_text(m: &VulnMatch) -> String {
    let name = &m.package.name;
    if m.malicious {
        return format!(
            "Remove {name} {} now, rotate every credential the machines that installed it could reach, \
             and check them for compromise.",
            m.package.version
        );
    }
    match &m.remediation {
        Some(v) => {
            let v = if m.package.ecosystem == Ecosystem::Go && !v.starts_with('v') {
                format!("v{v}")
            } else {
                v.clone()
            };
            format!("Upgrade {name} to ≥ {v}.")
        }
        None => format!(
            "No fixed version of {name} is published. Remove or replace the dependency, or mitigate \
             as the advisory describes and record the decision with an `ignore_vulns` entry."
        ),
    }
}

/// The CycloneDX VEX entry of a match (`sbom::cyclonedx::write` puts it in `vulnerabilities`).
pub fn to_vex(m: &VulnMatch) -> crate::sbom::VexEntry {
    crate::sbom::VexEntry {
        id: m.id.clone(),
        aliases: m.aliases.clone(),
        purl: m.package.purl.clone(),
        severity: m.severity,
        score: m.cvss.as_ref().map(|c| c.score),
        fixed: m.remediation.clone(),
        description: m.summary.clone(),
        cwes: m.cwe_ids.clone(),
    }
}
