//! OSV advisories: the published schema ([`osv`]), the compact form rampart stores in its index
//! ([`Advisory`]), range evaluation exactly as the OSV schema specifies it ([`Affected::affects`])
//! and severity from CVSS vectors ([`severity`]).

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::package::Ecosystem;
use crate::version::{Scheme, Version};

pub mod osv;
pub mod severity;

pub use severity::CvssScore;

/// Longest `details` text kept in the index; the summary and references carry the rest.
const MAX_DETAILS: usize = 4096;

/// An advisory as stored in the index: one OSV record, with only the `affected` entries of one
/// ecosystem, names normalised, CVSS scores computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Advisory {
    pub id: String,
    /// `aliases` and `upstream` of the record.
    pub aliases: Vec<String>,
    pub related: Vec<String>,
    pub summary: String,
    pub details: String,
    pub published: Option<String>,
    pub modified: Option<String>,
    /// Every CVSS vector of the record (and of its affected entries), with its computed score.
    pub cvss: Vec<CvssScore>,
    /// `database_specific.severity` (GHSA `MODERATE`, ...).
    pub database_severity: Option<String>,
    /// RustSec's `informational` kind (`unmaintained`, `unsound`, `notice`), when set.
    pub informational: Option<String>,
    /// `database_specific.cwe_ids`.
    pub cwe_ids: Vec<u32>,
    pub references: Vec<String>,
    pub affected: Vec<Affected>,
}

/// One `affected[]` entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Affected {
    /// Normalised by the ecosystem's rules, as the inventory normalises package names.
    pub name: String,
    /// The release part of the ecosystem (`v3.11` of `Alpine:v3.11`, `12` of `Debian:12`).
    pub release: Option<String>,
    pub ranges: Vec<Range>,
    pub versions: VersionList,
}

/// The `versions` list of an affected entry, kept as one newline-joined string: PyPI records
/// list hundreds of versions, and one allocation per list (instead of one per version) keeps
/// decoding the index cheap.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionList(String);

impl VersionList {
    pub fn new<I, S>(versions: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut s = String::new();
        for v in versions {
            // A version never contains a newline; one that does is not a version.
            let v = v.as_ref();
            if v.is_empty() || v.contains('\n') {
                continue;
            }
            if !s.is_empty() {
                s.push('\n');
            }
            s.push_str(v);
        }
        VersionList(s)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.split('\n').filter(|v| !v.is_empty())
    }

    pub fn len(&self) -> usize {
        self.iter().count()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RangeKind {
    SemVer,
    Ecosystem,
    Git,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    pub kind: RangeKind,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    Introduced(String),
    Fixed(String),
    LastAffected(String),
    Limit(String),
}

impl Event {
    pub fn version(&self) -> &str {
        match self {
            Event::Introduced(v) | Event::Fixed(v) | Event::LastAffected(v) | Event::Limit(v) => v,
        }
    }
}

/// Splits an OSV ecosystem name into rampart's ecosystem and its release suffix:
/// `Alpine:v3.11` → (Alpine, `v3.11`).
pub fn parse_ecosystem(name: &str) -> Option<(Ecosystem, Option<String>)> {
    let (base, release) = match name.split_once(':') {
        Some((b, r)) => (b, Some(r.to_string()).filter(|r| !r.is_empty())),
        None => (name, None),
    };
    let eco = match base {
        "crates.io" => Ecosystem::CratesIo,
        "npm" => Ecosystem::Npm,
        "PyPI" => Ecosystem::PyPI,
        "Go" => Ecosystem::Go,
        "RubyGems" => Ecosystem::RubyGems,
        "Packagist" => Ecosystem::Packagist,
        "Maven" => Ecosystem::Maven,
        "NuGet" => Ecosystem::NuGet,
        "Alpine" => Ecosystem::Alpine,
        "Debian" => Ecosystem::Debian,
        "Red Hat" => Ecosystem::RedHat,
        "Ubuntu" => Ecosystem::Ubuntu,
        "Rocky Linux" => Ecosystem::RockyLinux,
        "AlmaLinux" => Ecosystem::AlmaLinux,
        "openSUSE" => Ecosystem::OpenSuse,
        "SUSE" => Ecosystem::Suse,
        "Wolfi" => Ecosystem::Wolfi,
        "Chainguard" => Ecosystem::Chainguard,
        _ => return None,
    };
    Some((eco, release))
}

impl Advisory {
    /// The compact form of `rec` for `eco`, or `None` when no affected entry is of `eco`.
    pub fn from_osv(rec: &osv::OsvRecord, eco: &Ecosystem) -> Option<Advisory> {
        let mut affected = Vec::new();
        let mut cvss = Vec::new();
        for s in &rec.severity {
            if let Some(c) = CvssScore::from_osv(s) {
                cvss.push(c);
            }
        }
        let mut informational = None;
        for a in &rec.affected {
            let Some(pkg) = &a.package else { continue };
            let Some((e, release)) = parse_ecosystem(&pkg.ecosystem) else {
                continue;
            };
            if &e != eco || pkg.name.trim().is_empty() {
                continue;
            }
            for s in &a.severity {
                if let Some(c) = CvssScore::from_osv(s)
                    && !cvss.contains(&c)
                {
                    cvss.push(c);
                }
            }
            if informational.is_none() {
                informational = a
                    .database_specific
                    .as_ref()
                    .and_then(|d| d.get("informational"))
                    .and_then(|v| v.as_str())
                    .map(str::to_string);
            }
            let ranges = a
                .ranges
                .iter()
                .filter_map(|r| {
                    let kind = match r.kind.as_str() {
                        "SEMVER" => RangeKind::SemVer,
                        "ECOSYSTEM" => RangeKind::Ecosystem,
                        "GIT" => RangeKind::Git,
                        _ => return None,
                    };
                    let events = r
                        .events
                        .iter()
                        .filter_map(|e| {
                            if let Some(v) = &e.introduced {
                                Some(Event::Introduced(v.clone()))
                            } else if let Some(v) = &e.fixed {
                                Some(Event::Fixed(v.clone()))
                            } else if let Some(v) = &e.last_affected {
                                Some(Event::LastAffected(v.clone()))
                            } else {
                                e.limit.as_ref().map(|v| Event::Limit(v.clone()))
                            }
                        })
                        .collect();
                    Some(Range { kind, events })
                })
                .collect();
            affected.push(Affected {
                name: crate::inventory::normalize_name(eco, &pkg.name),
                release,
                ranges,
                versions: VersionList::new(&a.versions),
            });
        }
        if affected.is_empty() {
            return None;
        }
        let db = rec.database_specific.as_ref();
        let database_severity = db
            .and_then(|d| d.get("severity"))
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .or_else(|| {
                rec.affected.iter().find_map(|a| {
                    a.database_specific
                        .as_ref()
                        .and_then(|d| d.get("severity"))
                        .and_then(|v| v.as_str())
                        .map(str::to_string)
                })
            });
        let cwe_ids = db
            .and_then(|d| d.get("cwe_ids"))
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|c| c.as_str())
                    .filter_map(|c| c.trim().strip_prefix("CWE-"))
                    .filter_map(|n| n.parse::<u32>().ok())
                    .collect()
            })
            .unwrap_or_default();
        let mut aliases: Vec<String> = Vec::new();
        for a in rec.aliases.iter().chain(&rec.upstream) {
            if a != &rec.id && !aliases.contains(a) {
                aliases.push(a.clone());
            }
        }
        let mut details = rec.details.clone().unwrap_or_default();
        if details.len() > MAX_DETAILS {
            let mut cut = MAX_DETAILS;
            while !details.is_char_boundary(cut) {
                cut -= 1;
            }
            details.truncate(cut);
            details.push('…');
        }
        Some(Advisory {
            id: rec.id.clone(),
            aliases,
            related: rec.related.clone(),
            summary: rec.summary.clone().unwrap_or_default(),
            details,
            published: rec.published.clone(),
            modified: rec.modified.clone(),
            cvss,
            database_severity,
            informational,
            cwe_ids,
            references: rec.references.iter().map(|r| r.url.clone()).collect(),
            affected,
        })
    }

    /// A copy without the affected entries: what a match keeps of the records it merged.
    pub fn without_affected(&self) -> Advisory {
        Advisory {
            id: self.id.clone(),
            aliases: self.aliases.clone(),
            related: self.related.clone(),
            summary: self.summary.clone(),
            details: self.details.clone(),
            published: self.published.clone(),
            modified: self.modified.clone(),
            cvss: self.cvss.clone(),
            database_severity: self.database_severity.clone(),
            informational: self.informational.clone(),
            cwe_ids: self.cwe_ids.clone(),
            references: self.references.clone(),
            affected: Vec::new(),
        }
    }

    /// Malicious-package reports (OSV `MAL-` ids, from the OpenSSF malicious-packages feed).
    pub fn is_malicious(&self) -> bool {
        self.id.starts_with("MAL-") || self.aliases.iter().any(|a| a.starts_with("MAL-"))
    }
}

/// A version of the package being matched, parsed once per scheme it is compared under.
pub struct Installed<'a> {
    pub raw: &'a str,
    ecosystem: Scheme,
    semver: Scheme,
    eco_parsed: Option<Version>,
    semver_parsed: Option<Version>,
    leading: Option<&'a str>,
}

/// The first number of a version (`12` of `v012.3rc1`), without leading zeros; `None` when the
/// string has an epoch or does not start with a digit, where that shortcut would not be exact.
fn leading_number(s: &str) -> Option<&str> {
    let s = s.trim();
    let s = s.strip_prefix(['v', 'V']).unwrap_or(s);
    if s.contains([':', '!']) {
        return None;
    }
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 {
        return None;
    }
    let n = s[..end].trim_start_matches('0');
    Some(if n.is_empty() { "0" } else { n })
}

impl<'a> Installed<'a> {
    /// `None` when `eco` has no version ordering (conda): nothing can be matched.
    pub fn new(eco: &Ecosystem, raw: &'a str) -> Option<Installed<'a>> {
        let ecosystem = Scheme::for_ecosystem(eco)?;
        // Go versions carry a `v` that OSV's SEMVER ranges omit; the Go scheme reads both.
        let semver = if ecosystem == Scheme::Go {
            Scheme::Go
        } else {
            Scheme::SemVer
        };
        Some(Installed {
            raw,
            ecosystem,
            semver,
            eco_parsed: ecosystem.parse(raw).ok(),
            semver_parsed: semver.parse(raw).ok(),
            leading: leading_number(raw),
        })
    }

    fn for_kind(&self, kind: RangeKind) -> Option<(Scheme, &Version)> {
        match kind {
            RangeKind::SemVer => self.semver_parsed.as_ref().map(|v| (self.semver, v)),
            RangeKind::Ecosystem => self.eco_parsed.as_ref().map(|v| (self.ecosystem, v)),
            RangeKind::Git => None,
        }
    }

    /// The installed version equals `listed` (an entry of a `versions` list): the same string,
    /// or the same version under the ecosystem's rules (`1.0` and `1.0.0` in PEP 440).
    pub fn equals_listed(&self, listed: &str) -> bool {
        if listed == self.raw {
            return true;
        }
        // Cheap rejection before parsing: versions whose leading numbers differ are never equal.
        // (PyPI advisories list hundreds of versions per record; parsing each one dominates a
        // scan otherwise.)
        if let (Some(a), Some(b)) = (leading_number(listed), self.leading)
            && a != b
        {
            return false;
        }
        match &self.eco_parsed {
            Some(v) => self.ecosystem.parse(listed).is_ok_and(|l| &l == v),
            None => false,
        }
    }

    /// Orders the installed version against `other` under the ecosystem's scheme.
    pub fn cmp_ecosystem(&self, other: &str) -> Option<Ordering> {
        let v = self.eco_parsed.as_ref()?;
        let o = self.ecosystem.parse(other).ok()?;
        Some(v.cmp(&o))
    }
}

/// A parsed event; `None` stands for the `introduced: "0"` sentinel, lower than every version.
type ParsedEvent<'e> = (Option<Version>, &'e Event);

impl Range {
    /// Evaluates the range for `v` as the OSV schema's evaluation section specifies: events
    /// sorted by version (`"0"` first), then a walk where `introduced ≤ v` makes the version
    /// affected, `fixed ≤ v` or `last_affected < v` unaffected; `limit` events cap the walk
    /// (`v` must be below a limit). GIT ranges name commits, not versions: they never match here
    /// (the `versions` list that accompanies them is checked instead).
    pub fn affects(&self, installed: &Installed<'_>) -> bool {
        let Some((scheme, v)) = installed.for_kind(self.kind) else {
            return false;
        };
        let mut events: Vec<ParsedEvent<'_>> = Vec::with_capacity(self.events.len());
        for e in &self.events {
            match e {
                Event::Introduced(s) if s == "0" => events.push((None, e)),
                Event::Limit(s) if s == "*" => {}
                _ => {
                    // An event whose version does not parse cannot be placed; leave it out.
                    if let Ok(p) = scheme.parse(e.version()) {
                        events.push((Some(p), e));
                    }
                }
            }
        }
        let limits: Vec<&Version> = events
            .iter()
            .filter(|(_, e)| matches!(e, Event::Limit(_)))
            .filter_map(|(p, _)| p.as_ref())
            .collect();
        if !limits.is_empty() && !limits.iter().any(|l| v < *l) {
            return false;
        }
        events.sort_by(|a, b| match (&a.0, &b.0) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some(x), Some(y)) => x.cmp(y),
        });
        let mut affected = false;
        for (p, e) in &events {
            match (e, p) {
                (Event::Introduced(_), None) => affected = true,
                (Event::Introduced(_), Some(x)) if v >= x => affected = true,
                (Event::Fixed(_), Some(x)) if v >= x => affected = false,
                (Event::LastAffected(_), Some(x)) if v > x => affected = false,
                _ => {}
            }
        }
        affected
    }

    /// The `fixed` versions of this range, for remediation.
    pub fn fixed(&self) -> impl Iterator<Item = &str> {
        self.events.iter().filter_map(|e| match e {
            Event::Fixed(v) => Some(v.as_str()),
            _ => None,
        })
    }
}

impl Affected {
    /// Whether the installed version is affected: listed in `versions`, or inside any range
    /// (ranges are OR'ed).
    pub fn affects(&self, installed: &Installed<'_>) -> bool {
        self.ranges.iter().any(|r| r.affects(installed))
            || self.versions.iter().any(|l| installed.equals_listed(l))
    }

    /// Whether this entry is for the release `distro` of an OS ecosystem (`v3.11` and `3.11`
    /// are the same Alpine release; Debian code names map to their numbers). Entries without a
    /// release apply to every release; a package without a release matches every entry.
    pub fn applies_to_release(&self, distro: Option<&str>) -> bool {
        self.applies_to(&Ecosystem::Debian, distro)
    }

    /// [`Affected::applies_to_release`] with `eco`'s own release naming (`Ubuntu:Pro:...` is not
    /// `Ubuntu:...`; `Red Hat:enterprise_linux:9::appstream` is release 9).
    pub fn applies_to(&self, eco: &Ecosystem, distro: Option<&str>) -> bool {
        match (&self.release, distro) {
            (None, _) | (_, None) => true,
            (Some(r), Some(d)) => crate::os::release::release_matches(eco, r, d),
        }
    }
}
