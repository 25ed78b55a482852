//! Version semantics of every ecosystem rampart matches advisories for.
//!
//! Each scheme parses a version string into a value with a total order that follows the
//! ecosystem's own tool (semver.org, PEP 440, Maven's `ComparableVersion`, `Gem::Version`,
//! NuGet, Composer, dpkg, apk-tools, rpmvercmp). [`compare`] picks the scheme from the
//! ecosystem; [`Scheme::parse`] gives a reusable parsed value for sorting many versions.

use std::cmp::Ordering;

use crate::package::Ecosystem;

pub mod alpine;
pub mod debian;
pub mod maven;
pub mod nuget;
pub mod packagist;
pub mod pep440;
pub mod rpm;
pub mod rubygems;
pub mod semver;

mod util;

/// A version string the scheme cannot read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VersionError {
    #[error("`{version}` is not a valid {scheme} version: {reason}")]
    Invalid {
        scheme: &'static str,
        version: String,
        reason: String,
    },
    #[error("no version ordering is known for ecosystem `{0}`")]
    Unsupported(String),
}

impl VersionError {
    pub(crate) fn invalid(scheme: &'static str, version: &str, reason: impl Into<String>) -> Self {
        VersionError::Invalid {
            scheme,
            version: version.to_string(),
            reason: reason.into(),
        }
    }
}

/// A version ordering scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// SemVer 2.0 (crates.io, npm, OSV `SEMVER` ranges).
    SemVer,
    /// Go modules: SemVer with an optional `v`, pseudo-versions and `+incompatible`.
    Go,
    Pep440,
    Maven,
    RubyGems,
    NuGet,
    Packagist,
    Debian,
    Alpine,
    Rpm,
}

impl Scheme {
    /// The scheme OSV `ECOSYSTEM` ranges of `eco` use; `None` for ecosystems without one (conda).
    pub fn for_ecosystem(eco: &Ecosystem) -> Option<Scheme> {
        Some(match eco {
            Ecosystem::CratesIo | Ecosystem::Npm => Scheme::SemVer,
            Ecosystem::Go => Scheme::Go,
            Ecosystem::PyPI => Scheme::Pep440,
            Ecosystem::Maven => Scheme::Maven,
            Ecosystem::RubyGems => Scheme::RubyGems,
            Ecosystem::NuGet => Scheme::NuGet,
            Ecosystem::Packagist => Scheme::Packagist,
            Ecosystem::Debian | Ecosystem::Ubuntu => Scheme::Debian,
            Ecosystem::Alpine | Ecosystem::Wolfi | Ecosystem::Chainguard => Scheme::Alpine,
            Ecosystem::RedHat
            | Ecosystem::RockyLinux
            | Ecosystem::AlmaLinux
            | Ecosystem::OpenSuse
            | Ecosystem::Suse => Scheme::Rpm,
            Ecosystem::Conda => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Scheme::SemVer => "SemVer",
            Scheme::Go => "Go",
            Scheme::Pep440 => "PEP 440",
            Scheme::Maven => "Maven",
            Scheme::RubyGems => "RubyGems",
            Scheme::NuGet => "NuGet",
            Scheme::Packagist => "Packagist",
            Scheme::Debian => "Debian",
            Scheme::Alpine => "Alpine",
            Scheme::Rpm => "RPM",
        }
    }

    /// Parses `v` into a value that orders like the ecosystem's tooling does.
    pub fn parse(self, v: &str) -> Result<Version, VersionError> {
        Ok(match self {
            Scheme::SemVer => Version::SemVer(semver::SemVer::parse(v)?),
            Scheme::Go => Version::SemVer(semver::SemVer::parse_go(v)?),
            Scheme::Pep440 => Version::Pep440(pep440::parse(v)?),
            Scheme::Maven => Version::Maven(maven::MavenVersion::parse(v)?),
            Scheme::RubyGems => Version::RubyGems(rubygems::GemVersion::parse(v)?),
            Scheme::NuGet => Version::NuGet(nuget::NuGetVersion::parse(v)?),
            Scheme::Packagist => Version::Packagist(packagist::ComposerVersion::parse(v)?),
            Scheme::Debian => Version::Debian(debian::DebVersion::parse(v)?),
            Scheme::Alpine => Version::Alpine(alpine::ApkVersion::parse(v)?),
            Scheme::Rpm => Version::Rpm(rpm::RpmVersion::parse(v)?),
        })
    }

    pub fn compare(self, a: &str, b: &str) -> Result<Ordering, VersionError> {
        Ok(self.parse(a)?.cmp(&self.parse(b)?))
    }
}

/// A parsed version of some scheme. Values of different schemes never meet in practice; they
/// order by scheme so that `Ord` stays total.
#[derive(Debug, Clone)]
pub enum Version {
    SemVer(semver::SemVer),
    Pep440(pep440_rs::Version),
    Maven(maven::MavenVersion),
    RubyGems(rubygems::GemVersion),
    NuGet(nuget::NuGetVersion),
    Packagist(packagist::ComposerVersion),
    Debian(debian::DebVersion),
    Alpine(alpine::ApkVersion),
    Rpm(rpm::RpmVersion),
}

impl Version {
    fn rank(&self) -> u8 {
        match self {
            Version::SemVer(_) => 0,
            Version::Pep440(_) => 1,
            Version::Maven(_) => 2,
            Version::RubyGems(_) => 3,
            Version::NuGet(_) => 4,
            Version::Packagist(_) => 5,
            Version::Debian(_) => 6,
            Version::Alpine(_) => 7,
            Version::Rpm(_) => 8,
        }
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Version::SemVer(a), Version::SemVer(b)) => a.cmp(b),
            (Version::Pep440(a), Version::Pep440(b)) => a.cmp(b),
            (Version::Maven(a), Version::Maven(b)) => a.cmp(b),
            (Version::RubyGems(a), Version::RubyGems(b)) => a.cmp(b),
            (Version::NuGet(a), Version::NuGet(b)) => a.cmp(b),
            (Version::Packagist(a), Version::Packagist(b)) => a.cmp(b),
            (Version::Debian(a), Version::Debian(b)) => a.cmp(b),
            (Version::Alpine(a), Version::Alpine(b)) => a.cmp(b),
            (Version::Rpm(a), Version::Rpm(b)) => a.cmp(b),
            _ => self.rank().cmp(&other.rank()),
        }
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Version {}

/// Compares two versions of `ecosystem` with its own rules.
pub fn compare(ecosystem: &Ecosystem, a: &str, b: &str) -> Result<Ordering, VersionError> {
    let scheme = Scheme::for_ecosystem(ecosystem)
        .ok_or_else(|| VersionError::Unsupported(ecosystem.osv_name().to_string()))?;
    scheme.compare(a, b)
}
