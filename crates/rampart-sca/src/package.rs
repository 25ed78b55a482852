use serde::{Deserialize, Serialize};

/// A package ecosystem, named as OSV names it (`affected[].package.ecosystem`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Ecosystem {
    #[serde(rename = "crates.io")]
    CratesIo,
    #[serde(rename = "npm")]
    Npm,
    #[serde(rename = "PyPI")]
    PyPI,
    #[serde(rename = "Go")]
    Go,
    #[serde(rename = "RubyGems")]
    RubyGems,
    #[serde(rename = "Packagist")]
    Packagist,
    #[serde(rename = "Maven")]
    Maven,
    #[serde(rename = "NuGet")]
    NuGet,
    /// conda packages have no OSV ecosystem; they are inventoried (SBOM) but not matched.
    #[serde(rename = "conda")]
    Conda,
    /// `Alpine:v3.18` in OSV; the release is kept in `Package::distro`.
    #[serde(rename = "Alpine")]
    Alpine,
    #[serde(rename = "Debian")]
    Debian,
    #[serde(rename = "Red Hat")]
    RedHat,
    /// `Ubuntu:22.04:LTS`, `Ubuntu:23.10`, `Ubuntu:Pro:22.04:LTS` in OSV; dpkg versions.
    #[serde(rename = "Ubuntu")]
    Ubuntu,
    #[serde(rename = "Rocky Linux")]
    RockyLinux,
    #[serde(rename = "AlmaLinux")]
    AlmaLinux,
    /// `openSUSE:Leap 15.5`, `openSUSE:Tumbleweed`.
    #[serde(rename = "openSUSE")]
    OpenSuse,
    /// `SUSE:Linux Enterprise Server 15 SP5`.
    #[serde(rename = "SUSE")]
    Suse,
    /// Wolfi and Chainguard images: apk packages, no release suffix.
    #[serde(rename = "Wolfi")]
    Wolfi,
    #[serde(rename = "Chainguard")]
    Chainguard,
}

impl Ecosystem {
    /// The ecosystem name OSV uses (without a release suffix).
    pub fn osv_name(&self) -> &'static str {
        match self {
            Ecosystem::CratesIo => "crates.io",
            Ecosystem::Npm => "npm",
            Ecosystem::PyPI => "PyPI",
            Ecosystem::Go => "Go",
            Ecosystem::RubyGems => "RubyGems",
            Ecosystem::Packagist => "Packagist",
            Ecosystem::Maven => "Maven",
            Ecosystem::NuGet => "NuGet",
            Ecosystem::Conda => "conda",
            Ecosystem::Alpine => "Alpine",
            Ecosystem::Debian => "Debian",
            Ecosystem::RedHat => "Red Hat",
            Ecosystem::Ubuntu => "Ubuntu",
            Ecosystem::RockyLinux => "Rocky Linux",
            Ecosystem::AlmaLinux => "AlmaLinux",
            Ecosystem::OpenSuse => "openSUSE",
            Ecosystem::Suse => "SUSE",
            Ecosystem::Wolfi => "Wolfi",
            Ecosystem::Chainguard => "Chainguard",
        }
    }

    /// The package-url type (https://github.com/package-url/purl-spec).
    pub fn purl_type(&self) -> &'static str {
        match self {
            Ecosystem::CratesIo => "cargo",
            Ecosystem::Npm => "npm",
            Ecosystem::PyPI => "pypi",
            Ecosystem::Go => "golang",
            Ecosystem::RubyGems => "gem",
            Ecosystem::Packagist => "composer",
            Ecosystem::Maven => "maven",
            Ecosystem::NuGet => "nuget",
            Ecosystem::Conda => "conda",
            Ecosystem::Alpine | Ecosystem::Wolfi | Ecosystem::Chainguard => "apk",
            Ecosystem::Debian | Ecosystem::Ubuntu => "deb",
            Ecosystem::RedHat
            | Ecosystem::RockyLinux
            | Ecosystem::AlmaLinux
            | Ecosystem::OpenSuse
            | Ecosystem::Suse => "rpm",
        }
    }

    /// The purl namespace (vendor) of OS package ecosystems.
    pub fn purl_vendor(&self) -> Option<&'static str> {
        Some(match self {
            Ecosystem::Alpine => "alpine",
            Ecosystem::Wolfi => "wolfi",
            Ecosystem::Chainguard => "chainguard",
            Ecosystem::Debian => "debian",
            Ecosystem::Ubuntu => "ubuntu",
            Ecosystem::RedHat => "redhat",
            Ecosystem::RockyLinux => "rocky",
            Ecosystem::AlmaLinux => "almalinux",
            Ecosystem::OpenSuse => "opensuse",
            Ecosystem::Suse => "suse",
            _ => return None,
        })
    }

    /// An operating-system package ecosystem (advisories are per distribution release).
    pub fn is_os(&self) -> bool {
        self.purl_vendor().is_some()
    }

    /// Every ecosystem, in declaration order.
    pub const ALL: [Ecosystem; 19] = [
        Ecosystem::CratesIo,
        Ecosystem::Npm,
        Ecosystem::PyPI,
        Ecosystem::Go,
        Ecosystem::RubyGems,
        Ecosystem::Packagist,
        Ecosystem::Maven,
        Ecosystem::NuGet,
        Ecosystem::Conda,
        Ecosystem::Alpine,
        Ecosystem::Debian,
        Ecosystem::RedHat,
        Ecosystem::Ubuntu,
        Ecosystem::RockyLinux,
        Ecosystem::AlmaLinux,
        Ecosystem::OpenSuse,
        Ecosystem::Suse,
        Ecosystem::Wolfi,
        Ecosystem::Chainguard,
    ];
}

/// Whether a package is needed at run time.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    #[default]
    Runtime,
    Dev,
    Optional,
}

/// One package version found in one source file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Package {
    pub ecosystem: Ecosystem,
    /// Normalised by the ecosystem's rules (PEP 503 for PyPI, `group:artifact` for Maven, ...).
    pub name: String,
    pub version: String,
    pub purl: String,
    /// Declared by the project itself rather than pulled in by another package.
    pub direct: bool,
    pub scope: Scope,
    /// Dependency paths from the manifest root, each a list of `name@version` from the direct
    /// dependency down to (and including) this package. Empty when the format does not say.
    pub paths: Vec<Vec<String>>,
    /// The file it came from, relative to the scan root with `/`.
    pub source_file: String,
    pub line: Option<u32>,
    /// The distribution release for OS packages, as the suffix of OSV's ecosystem name (`v3.18`
    /// for Alpine, `12` (or `bookworm`) for Debian, `22.04:LTS` for Ubuntu, `9` for Rocky Linux).
    pub distro: Option<String>,
}

impl Package {
    /// The OSV ecosystem with its release, `Debian:12`, or the bare name without one.
    pub fn osv_ecosystem(&self) -> String {
        match &self.distro {
            Some(d) if self.ecosystem.is_os() => format!("{}:{d}", self.ecosystem.osv_name()),
            _ => self.ecosystem.osv_name().to_string(),
        }
    }
}
