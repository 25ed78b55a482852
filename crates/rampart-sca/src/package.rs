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
            Ecosystem::Alpine => "apk",
            Ecosystem::Debian => "deb",
            Ecosystem::RedHat => "rpm",
        }
    }
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
    /// The distribution release for OS packages (`v3.18` for Alpine, `bookworm`/`12` for Debian).
    pub distro: Option<String>,
}
