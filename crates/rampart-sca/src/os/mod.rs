//! Operating-system packages of a root filesystem: a container image's final file view, an
//! unpacked root, or a directory that holds one somewhere below.
//!
//! A root is recognised by where its files are: `<root>/etc/os-release` (or
//! `<root>/usr/lib/os-release`) says which distribution and release it is, and the package
//! databases under the same `<root>` say what is installed: dpkg (`var/lib/dpkg/status`,
//! distroless `var/lib/dpkg/status.d/*`), apk (`lib/apk/db/installed`) and rpm (the SQLite
//! `rpmdb.sqlite` and the Berkeley DB `Packages`). Files arrive one at a time and in any order,
//! so an [`OsCollector`] keeps both kinds and [`OsCollector::resolve`] pairs them at the end:
//! packages are matched only against the advisories of their own release.

use std::collections::BTreeMap;

use crate::inventory::purl::encode;
use crate::package::{Ecosystem, Package, Scope};

pub mod apk;
pub mod dpkg;
pub mod release;
pub mod rpm;

pub use release::{Distro, OsRelease};

/// A package as a package manager's database records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OsPackage {
    /// The binary package installed (`libssl3`).
    pub name: String,
    /// Its version, `[epoch:]version[-release]`.
    pub version: String,
    /// The source package it was built from (`openssl`): what Debian, Ubuntu and Alpine
    /// advisories name. The binary name where the database records no source.
    pub source_name: String,
    pub source_version: String,
    pub arch: String,
    /// The line of the package's entry, for text databases.
    pub line: Option<u32>,
}

/// A malformed database, with the line where the parser knows it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    pub line: Option<u32>,
    pub message: String,
}

impl ParseError {
    pub fn new(line: Option<u32>, message: impl Into<String>) -> Self {
        ParseError {
            line,
            message: message.into(),
        }
    }
}

/// The kinds of file this module reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OsFile {
    /// `etc/os-release` (`primary`) or `usr/lib/os-release`.
    OsRelease {
        primary: bool,
    },
    DpkgStatus,
    /// One file of distroless `var/lib/dpkg/status.d/`.
    DpkgStatusD,
    ApkInstalled,
    /// `rpmdb.sqlite` (RHEL 9, UBI 9, Fedora ≥ 33, Amazon Linux 2023, Rocky/Alma 9).
    RpmSqlite,
    /// Berkeley DB `Packages` (RHEL/CentOS ≤ 8, Amazon Linux 2).
    RpmBdb,
}

impl OsFile {
    /// Binary formats: not UTF-8 text.
    pub fn is_binary(self) -> bool {
        matches!(self, OsFile::RpmSqlite | OsFile::RpmBdb)
    }
}

const SUFFIXES: [(&str, OsFile); 8] = [
    ("etc/os-release", OsFile::OsRelease { primary: true }),
    ("usr/lib/os-release", OsFile::OsRelease { primary: false }),
    ("var/lib/dpkg/status", OsFile::DpkgStatus),
    ("lib/apk/db/installed", OsFile::ApkInstalled),
    ("var/lib/rpm/rpmdb.sqlite", OsFile::RpmSqlite),
    ("usr/lib/sysimage/rpm/rpmdb.sqlite", OsFile::RpmSqlite),
    ("var/lib/rpm/Packages", OsFile::RpmBdb),
    ("usr/lib/sysimage/rpm/Packages", OsFile::RpmBdb),
];

/// The kind of `rel` (relative to the scan root, `/`-separated) and the root it belongs to
/// (`""` for the scan root itself, else a prefix ending in `/`).
pub fn detect(rel: &str) -> Option<(OsFile, &str)> {
    let rel = rel.trim_start_matches("./");
    for (suffix, kind) in SUFFIXES {
        if let Some(prefix) = rel.strip_suffix(suffix)
            && (prefix.is_empty() || prefix.ends_with('/'))
        {
            return Some((kind, prefix));
        }
    }
    const STATUS_D: &str = "var/lib/dpkg/status.d/";
    if let Some(at) = rel.rfind(STATUS_D) {
        let prefix = &rel[..at];
        let name = &rel[at + STATUS_D.len()..];
        if (prefix.is_empty() || prefix.ends_with('/'))
            && !name.is_empty()
            && !name.contains('/')
            && !name.starts_with('.')
            && !name.ends_with(".md5sums")
        {
            return Some((OsFile::DpkgStatusD, prefix));
        }
    }
    None
}

/// One package database read, waiting for its root's os-release.
#[derive(Debug, Clone)]
struct FoundDb {
    kind: OsFile,
    rel: String,
    packages: Vec<OsPackage>,
}

/// A problem that names a file: a malformed database, or packages that cannot be matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OsProblem {
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
    /// An error in the file (`true`) or a limit of what can be matched (`false`).
    pub is_error: bool,
}

/// Collects os-release files and package databases of every root under a scan.
#[derive(Debug, Default)]
pub struct OsCollector {
    /// root prefix → (primary, os-release)
    releases: BTreeMap<String, (bool, OsRelease)>,
    dbs: BTreeMap<String, Vec<FoundDb>>,
}

impl OsCollector {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads one file [`detect`] recognised. `content` is the whole file.
    pub fn add(&mut self, rel: &str, content: &[u8]) -> Result<(), OsProblem> {
        let Some((kind, prefix)) = detect(rel) else {
            return Ok(());
        };
        let err = |e: ParseError| OsProblem {
            file: rel.to_string(),
            line: e.line,
            message: e.message,
            is_error: true,
        };
        let text = || {
            std::str::from_utf8(content)
                .map_err(|e| err(ParseError::new(None, format!("not valid UTF-8: {e}"))))
        };
        let packages = match kind {
            OsFile::OsRelease { primary } => {
                let parsed = release::parse(text()?);
                let slot = self.releases.entry(prefix.to_string());
                match slot {
                    std::collections::btree_map::Entry::Vacant(v) => {
                        v.insert((primary, parsed));
                    }
                    std::collections::btree_map::Entry::Occupied(mut o) => {
                        if primary || !o.get().0 {
                            o.insert((primary, parsed));
                        }
                    }
                }
                return Ok(());
            }
            OsFile::DpkgStatus => dpkg::parse(text()?, true).map_err(err)?,
            OsFile::DpkgStatusD => dpkg::parse(text()?, false).map_err(err)?,
            OsFile::ApkInstalled => apk::parse(text()?).map_err(err)?,
            OsFile::RpmSqlite => rpm::read_sqlite(content).map_err(err)?,
            OsFile::RpmBdb => rpm::read_bdb(content).map_err(err)?,
        };
        self.dbs
            .entry(prefix.to_string())
            .or_default()
            .push(FoundDb {
                kind,
                rel: rel.to_string(),
                packages,
            });
        Ok(())
    }

    /// Whether nothing was collected.
    pub fn is_empty(&self) -> bool {
        self.dbs.is_empty()
    }

    /// Pairs every package database with its root's distribution: the packages to match, and
    /// the databases whose packages cannot be matched (no os-release, a distribution OSV has no
    /// advisories for, a package manager that does not belong to the distribution).
    pub fn resolve(self) -> (Vec<Package>, Vec<OsProblem>) {
        let mut packages = Vec::new();
        let mut problems = Vec::new();
        for (prefix, dbs) in self.dbs {
            let release = self.releases.get(&prefix).map(|(_, r)| r);
            for db in dbs {
                if db.packages.is_empty() {
                    continue;
                }
                let n = db.packages.len();
                let mut warn = |message: String| {
                    problems.push(OsProblem {
                        file: db.rel.clone(),
                        line: None,
                        message,
                        is_error: false,
                    })
                };
                let Some(release) = release else {
                    warn(format!(
                        "{n} installed packages, but no {prefix}etc/os-release or \
                         {prefix}usr/lib/os-release tells which distribution release they \
                         belong to: not checked for vulnerabilities"
                    ));
                    continue;
                };
                let Some(distro) = release.distro() else {
                    let name = if release.pretty_name.is_empty() {
                        release.id.clone()
                    } else {
                        release.pretty_name.clone()
                    };
                    warn(format!(
                        "{n} installed packages of `{name}`, a distribution OSV publishes no \
                         advisories for: not checked for vulnerabilities"
                    ));
                    continue;
                };
                if !manager_fits(db.kind, &distro.ecosystem) {
                    warn(format!(
                        "{n} installed packages, but the root's os-release says {}, which does \
                         not use this package manager: not checked for vulnerabilities",
                        distro.pretty_name
                    ));
                    continue;
                }
                for p in &db.packages {
                    packages.push(to_package(p, &distro, &db.rel, db.kind));
                }
            }
        }
        (packages, problems)
    }
}

fn manager_fits(kind: OsFile, eco: &Ecosystem) -> bool {
    match kind {
        OsFile::DpkgStatus | OsFile::DpkgStatusD => {
            matches!(eco, Ecosystem::Debian | Ecosystem::Ubuntu)
        }
        OsFile::ApkInstalled => matches!(
            eco,
            Ecosystem::Alpine | Ecosystem::Wolfi | Ecosystem::Chainguard
        ),
        OsFile::RpmSqlite | OsFile::RpmBdb => matches!(
            eco,
            Ecosystem::RedHat
                | Ecosystem::RockyLinux
                | Ecosystem::AlmaLinux
                | Ecosystem::OpenSuse
                | Ecosystem::Suse
        ),
        OsFile::OsRelease { .. } => false,
    }
}

/// The package matched for one installed package: its source package for dpkg and apk (what
/// their advisories name), the binary package itself for rpm (what Red Hat, Rocky, Alma and
/// SUSE advisories list). The installed binary is kept as the one-step dependency path
/// `binary@version`, so findings say which installed package brought the source in.
fn to_package(p: &OsPackage, distro: &Distro, rel: &str, kind: OsFile) -> Package {
    let eco = distro.ecosystem.clone();
    let by_source = !matches!(kind, OsFile::RpmSqlite | OsFile::RpmBdb);
    let (name, version) = if by_source {
        (p.source_name.clone(), p.source_version.clone())
    } else {
        (p.name.clone(), p.version.clone())
    };
    let vendor = eco.purl_vendor().unwrap_or("unknown");
    let mut purl = format!(
        "pkg:{}/{vendor}/{}@{}",
        eco.purl_type(),
        encode(&name),
        encode(&version)
    );
    let mut qualifiers = Vec::new();
    if by_source && kind != OsFile::ApkInstalled {
        qualifiers.push("arch=source".to_string());
    } else if !p.arch.is_empty() {
        qualifiers.push(format!("arch={}", encode(&p.arch)));
    }
    if let Some(r) = &distro.release {
        let r = r.split(':').next().unwrap_or(r);
        qualifiers.push(format!("distro={vendor}-{}", encode(r)));
    }
    if !qualifiers.is_empty() {
        purl.push('?');
        purl.push_str(&qualifiers.join("&"));
    }
    let same = p.name == name && p.version == version;
    Package {
        ecosystem: eco,
        name,
        version,
        purl,
        direct: same,
        scope: Scope::Runtime,
        paths: if same {
            Vec::new()
        } else {
            vec![vec![format!("{}@{}", p.name, p.version)]]
        },
        source_file: rel.to_string(),
        line: p.line,
        distro: distro.release.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_databases_and_their_root() {
        assert_eq!(
            detect("var/lib/dpkg/status"),
            Some((OsFile::DpkgStatus, ""))
        );
        assert_eq!(
            detect("images/deb/var/lib/dpkg/status"),
            Some((OsFile::DpkgStatus, "images/deb/"))
        );
        assert_eq!(detect("xvar/lib/dpkg/status"), None);
        assert_eq!(
            detect("var/lib/dpkg/status.d/libssl3"),
            Some((OsFile::DpkgStatusD, ""))
        );
        assert_eq!(detect("var/lib/dpkg/status.d/libssl3.md5sums"), None);
        assert_eq!(
            detect("r/usr/lib/os-release"),
            Some((OsFile::OsRelease { primary: false }, "r/"))
        );
        assert_eq!(
            detect("usr/lib/sysimage/rpm/rpmdb.sqlite"),
            Some((OsFile::RpmSqlite, ""))
        );
        assert_eq!(detect("var/lib/rpm/Packages"), Some((OsFile::RpmBdb, "")));
        assert_eq!(detect("src/status"), None);
    }

    #[test]
    fn resolves_each_root_against_its_own_os_release() {
        let mut c = OsCollector::new();
        c.add(
            "a/var/lib/dpkg/status",
            b"Package: libssl3\nStatus: install ok installed\nSource: openssl\nVersion: 3.0.11-1~deb12u2\n",
        )
        .unwrap();
        c.add("a/etc/os-release", b"ID=debian\nVERSION_ID=\"12\"\n")
            .unwrap();
        c.add("b/lib/apk/db/installed", b"P:musl\nV:1.2.4-r2\n")
            .unwrap();
        let (pkgs, problems) = c.resolve();
        assert_eq!(pkgs.len(), 1);
        let p = &pkgs[0];
        assert_eq!(
            (p.osv_ecosystem(), p.name.as_str(), p.version.as_str()),
            ("Debian:12".to_string(), "openssl", "3.0.11-1~deb12u2")
        );
        assert_eq!(
            p.purl,
            "pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=source&distro=debian-12"
        );
        assert_eq!(p.paths, vec![vec!["libssl3@3.0.11-1~deb12u2".to_string()]]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].file, "b/lib/apk/db/installed");
        assert!(problems[0].message.contains("no b/etc/os-release"));
    }

    #[test]
    fn etc_os_release_wins_over_usr_lib() {
        let mut c = OsCollector::new();
        c.add(
            "etc/os-release",
            b"ID=ubuntu\nVERSION_ID=22.04\nVERSION=\"22.04.4 LTS\"\n",
        )
        .unwrap();
        c.add("usr/lib/os-release", b"ID=debian\nVERSION_ID=12\n")
            .unwrap();
        c.add(
            "var/lib/dpkg/status",
            b"Package: curl\nStatus: install ok installed\nVersion: 7.81.0-1ubuntu1.15\n",
        )
        .unwrap();
        let (pkgs, problems) = c.resolve();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(pkgs[0].osv_ecosystem(), "Ubuntu:22.04:LTS");
        assert!(pkgs[0].direct);
    }
}
