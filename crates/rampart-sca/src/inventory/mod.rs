//! Inventory: lockfiles, manifests and installed environments turned into [`Package`]s.
//!
//! [`detect`] picks a [`Format`] from a file's path; [`parse`] reads the bytes the walk already
//! holds. Formats that carry a dependency graph (Cargo.lock, package-lock, pnpm, yarn, bun,
//! poetry, uv, composer, Gemfile.lock, NuGet) also yield whether each package is direct, its
//! scope and up to [`graph::MAX_PATHS`] shortest dependency paths from the manifest root.
//!
//! Nothing here executes or loads what it reads; every cross-file reference (`-r other.txt`, a
//! parent POM, a sibling `package.json`) is resolved through
//! [`ScanContext::resolve_inside_root`] so it never leaves the scan root.

use std::path::Path;

use rampart_core::ScanContext;

use crate::package::{Ecosystem, Package, Scope};

mod bun;
mod cargo;
mod composer;
mod conda;
mod gemfile;
mod gomod;
mod gradle;
pub mod graph;
pub mod lines;
mod node_modules;
mod npm;
mod nuget;
mod pipfile;
mod pnpm;
mod pom;
pub mod purl;
mod pyinstalled;
mod pylocks;
mod requirements;
mod tree;
mod yarn;

pub use tree::{TreeInventory, inventory_tree};

/// Files larger than this are not read when followed from another file (`-r`, parent POM,
/// sibling manifest).
pub(crate) const MAX_SIDE_FILE: u64 = 16 * 1024 * 1024;

/// A file format the inventory understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    CargoLock,
    /// `package-lock.json` (v1, v2, v3) and `npm-shrinkwrap.json`.
    NpmLock,
    /// `yarn.lock`, classic (v1) or berry (YAML); told apart by content.
    YarnLock,
    PnpmLock,
    /// `bun.lock` (the text lockfile; the binary `bun.lockb` is not read).
    BunLock,
    /// `requirements*.txt`, `constraints*.txt`.
    Requirements,
    PipfileLock,
    PoetryLock,
    UvLock,
    PdmLock,
    /// PEP 751 `pylock.toml` / `pylock.<name>.toml`.
    PyLock,
    GoMod,
    GemfileLock,
    ComposerLock,
    PomXml,
    GradleLockfile,
    /// NuGet `packages.lock.json`.
    NugetLock,
    /// conda `environment.yml` / `environment.yaml`.
    CondaEnv,
    /// An installed Python distribution: `*.dist-info/METADATA`, `*.egg-info/PKG-INFO`, or a
    /// single-file `*.egg-info`.
    PythonMetadata,
    /// `node_modules/<name>/package.json` of an installed npm package.
    NodeModulesPackage,
}

impl Format {
    /// A short stable name for messages and benchmarks.
    pub fn name(self) -> &'static str {
        match self {
            Format::CargoLock => "Cargo.lock",
            Format::NpmLock => "package-lock.json",
            Format::YarnLock => "yarn.lock",
            Format::PnpmLock => "pnpm-lock.yaml",
            Format::BunLock => "bun.lock",
            Format::Requirements => "requirements.txt",
            Format::PipfileLock => "Pipfile.lock",
            Format::PoetryLock => "poetry.lock",
            Format::UvLock => "uv.lock",
            Format::PdmLock => "pdm.lock",
            Format::PyLock => "pylock.toml",
            Format::GoMod => "go.mod",
            Format::GemfileLock => "Gemfile.lock",
            Format::ComposerLock => "composer.lock",
            Format::PomXml => "pom.xml",
            Format::GradleLockfile => "gradle.lockfile",
            Format::NugetLock => "packages.lock.json",
            Format::CondaEnv => "environment.yml",
            Format::PythonMetadata => "python-metadata",
            Format::NodeModulesPackage => "node_modules-package.json",
        }
    }
}

/// Picks the format of a file from its path relative to the scan root (`/`-separated).
pub fn detect(rel_path: &str) -> Option<Format> {
    let rel = rel_path.trim_start_matches("./");
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let lower = name.to_ascii_lowercase();
    let fmt = match name {
        "Cargo.lock" => Format::CargoLock,
        "package-lock.json" | "npm-shrinkwrap.json" => Format::NpmLock,
        "yarn.lock" => Format::YarnLock,
        "pnpm-lock.yaml" => Format::PnpmLock,
        "bun.lock" => Format::BunLock,
        "Pipfile.lock" => Format::PipfileLock,
        "poetry.lock" => Format::PoetryLock,
        "uv.lock" => Format::UvLock,
        "pdm.lock" => Format::PdmLock,
        "pylock.toml" => Format::PyLock,
        "go.mod" => Format::GoMod,
        "Gemfile.lock" | "gems.locked" => Format::GemfileLock,
        "composer.lock" => Format::ComposerLock,
        "pom.xml" => Format::PomXml,
        "gradle.lockfile" => Format::GradleLockfile,
        "packages.lock.json" => Format::NugetLock,
        "environment.yml" | "environment.yaml" => Format::CondaEnv,
        "METADATA" if parent_name(rel).is_some_and(|p| p.ends_with(".dist-info")) => {
            Format::PythonMetadata
        }
        "PKG-INFO" if parent_name(rel).is_some_and(|p| p.ends_with(".egg-info")) => {
            Format::PythonMetadata
        }
        "package.json" if is_node_modules_manifest(rel) => Format::NodeModulesPackage,
        _ => {
            if (lower.starts_with("requirements") || lower.starts_with("constraints"))
                && lower.ends_with(".txt")
            {
                Format::Requirements
            } else if name.starts_with("pylock.") && name.ends_with(".toml") {
                Format::PyLock
            } else if name.ends_with(".egg-info") && name.len() > ".egg-info".len() {
                Format::PythonMetadata
            } else {
                return None;
            }
        }
    };
    Some(fmt)
}

fn parent_name(rel: &str) -> Option<&str> {
    let (dir, _) = rel.rsplit_once('/')?;
    Some(dir.rsplit('/').next().unwrap_or(dir))
}

/// `.../node_modules/<name>/package.json` or `.../node_modules/@scope/<name>/package.json`, not
/// a `package.json` deeper inside a package (those describe sub-folders, not packages).
fn is_node_modules_manifest(rel: &str) -> bool {
    let Some(dir) = rel.strip_suffix("/package.json") else {
        return false;
    };
    let segs: Vec<&str> = dir.split('/').collect();
    match segs.as_slice() {
        [.., nm, name] if *nm == "node_modules" => !name.starts_with('@') && !name.starts_with('.'),
        [.., nm, scope, _] if *nm == "node_modules" => scope.starts_with('@'),
        _ => false,
    }
}

/// A lockfile or manifest that could not be read. Names the file and, where the parser knows
/// it, the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct InventoryError {
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
}

/// What one file yielded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inventory {
    pub packages: Vec<Package>,
    /// Entries without an exact version (`requests>=2`, an unresolvable `${prop}`, a `file:`
    /// link): there is nothing to match, so they are left out and only counted.
    pub skipped: usize,
}

/// Parses one file of `format`. `rel_path` is relative to the scan root with `/`; `abs_path` is
/// where the file lives, used only to find files it refers to (inside `ctx.root`).
pub fn parse(
    format: Format,
    ctx: &ScanContext,
    rel_path: &str,
    abs_path: &Path,
    content: &[u8],
) -> Result<Vec<Package>, InventoryError> {
    parse_detailed(format, ctx, rel_path, abs_path, content).map(|inv| inv.packages)
}

/// Like [`parse`], also counting the entries that were skipped.
pub fn parse_detailed(
    format: Format,
    ctx: &ScanContext,
    rel_path: &str,
    abs_path: &Path,
    content: &[u8],
) -> Result<Inventory, InventoryError> {
    let text = decode(rel_path, content)?;
    let src = Source {
        ctx,
        rel: rel_path,
        abs: abs_path,
        text,
    };
    let mut inv = match format {
        Format::CargoLock => cargo::parse(&src),
        Format::NpmLock => npm::parse(&src),
        Format::YarnLock => yarn::parse(&src),
        Format::PnpmLock => pnpm::parse(&src),
        Format::BunLock => bun::parse(&src),
        Format::Requirements => requirements::parse(&src),
        Format::PipfileLock => pipfile::parse(&src),
        Format::PoetryLock => pylocks::parse_poetry(&src),
        Format::UvLock => pylocks::parse_uv(&src),
        Format::PdmLock => pylocks::parse_pdm(&src),
        Format::PyLock => pylocks::parse_pylock(&src),
        Format::GoMod => gomod::parse(&src),
        Format::GemfileLock => gemfile::parse(&src),
        Format::ComposerLock => composer::parse(&src),
        Format::PomXml => pom::parse(&src),
        Format::GradleLockfile => gradle::parse(&src),
        Format::NugetLock => nuget::parse(&src),
        Format::CondaEnv => conda::parse(&src),
        Format::PythonMetadata => pyinstalled::parse(&src),
        Format::NodeModulesPackage => node_modules::parse(&src),
    }?;
    inv.packages
        .sort_by(|a, b| (a.line, &a.name, &a.version).cmp(&(b.line, &b.name, &b.version)));
    inv.packages.dedup();
    Ok(inv)
}

fn decode<'a>(rel: &str, content: &'a [u8]) -> Result<&'a str, InventoryError> {
    let content = content.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(content);
    std::str::from_utf8(content).map_err(|e| {
        let valid = e.valid_up_to();
        let line = content.get(..valid).map_or(1, lines::count_lines);
        InventoryError {
            file: rel.to_string(),
            line: Some(line),
            message: "not valid UTF-8".into(),
        }
    })
}

/// One file being parsed.
pub(crate) struct Source<'a> {
    pub ctx: &'a ScanContext,
    pub rel: &'a str,
    pub abs: &'a Path,
    pub text: &'a str,
}

impl Source<'_> {
    pub fn err(&self, line: Option<u32>, message: impl Into<String>) -> InventoryError {
        InventoryError {
            file: self.rel.to_string(),
            line,
            message: message.into(),
        }
    }

    pub fn json_err(&self, e: &serde_json::Error) -> InventoryError {
        let line = u32::try_from(e.line()).ok().filter(|l| *l > 0);
        self.err(line, format!("invalid JSON: {e}"))
    }

    pub fn toml_err(&self, e: &toml::de::Error) -> InventoryError {
        let line = e.span().map(|s| lines::line_at(self.text, s.start));
        let msg = e.message().to_string();
        self.err(line, format!("invalid TOML: {msg}"))
    }

    pub fn yaml_err(&self, e: &serde_yaml::Error) -> InventoryError {
        let line = e.location().and_then(|l| u32::try_from(l.line()).ok());
        self.err(line, format!("invalid YAML: {e}"))
    }

    pub fn parse_json(&self) -> Result<serde_json::Value, InventoryError> {
        serde_json::from_str(self.text).map_err(|e| self.json_err(&e))
    }

    /// A file next to this one (`package.json` beside `yarn.lock`), if it exists inside the root
    /// and is small enough.
    pub fn sibling(&self, name: &str) -> Option<String> {
        let dir = self.abs.parent()?;
        read_inside_root(self.ctx, dir, name).map(|(_, text)| text)
    }

    pub fn pkg(&self, eco: Ecosystem, name: &str, version: &str, line: Option<u32>) -> Package {
        new_package(eco, name, version, self.rel, line)
    }
}

/// Reads `rel` (taken from file content) relative to `dir`, only if it stays inside the root.
pub(crate) fn read_inside_root(
    ctx: &ScanContext,
    dir: &Path,
    rel: &str,
) -> Option<(std::path::PathBuf, String)> {
    let path = ctx.resolve_inside_root(dir, rel)?;
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > MAX_SIDE_FILE {
        return None;
    }
    let bytes = std::fs::read(&path).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    Some((path, text))
}

/// The path of `abs` relative to the scan root with `/`, for packages found in followed files.
pub(crate) fn rel_to_root(ctx: &ScanContext, abs: &Path) -> Option<String> {
    let root = ctx.root.canonicalize().ok()?;
    let rel = abs.strip_prefix(&root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some(parts.join("/"))
}

/// Normalises a package name by its ecosystem's rules.
pub fn normalize_name(eco: &Ecosystem, name: &str) -> String {
    let name = name.trim();
    match eco {
        Ecosystem::PyPI => pep503(name),
        Ecosystem::NuGet | Ecosystem::Packagist | Ecosystem::Conda => name.to_ascii_lowercase(),
        _ => name.to_string(),
    }
}

/// PEP 503: lower-case, runs of `-`, `_`, `.` become one `-`.
pub fn pep503(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut sep = false;
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            sep = true;
        } else {
            if sep && !out.is_empty() {
                out.push('-');
            }
            sep = false;
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// A package with its name normalised and its purl computed; not direct, runtime scope, no paths.
pub fn new_package(
    eco: Ecosystem,
    name: &str,
    version: &str,
    source_file: &str,
    line: Option<u32>,
) -> Package {
    let name = normalize_name(&eco, name);
    let version = version.trim().to_string();
    let purl = purl::for_package(&eco, &name, &version, None);
    Package {
        ecosystem: eco,
        name,
        version,
        purl,
        direct: false,
        scope: Scope::Runtime,
        paths: Vec::new(),
        source_file: source_file.to_string(),
        line,
        distro: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_name() {
        assert_eq!(detect("a/b/Cargo.lock"), Some(Format::CargoLock));
        assert_eq!(detect("requirements-dev.txt"), Some(Format::Requirements));
        assert_eq!(detect("x/constraints.txt"), Some(Format::Requirements));
        assert_eq!(detect("requirements.in"), None);
        assert_eq!(detect("pylock.prod.toml"), Some(Format::PyLock));
        assert_eq!(
            detect("lib/six-1.16.0.dist-info/METADATA"),
            Some(Format::PythonMetadata)
        );
        assert_eq!(detect("METADATA"), None);
        assert_eq!(detect("x.egg-info/PKG-INFO"), Some(Format::PythonMetadata));
        assert_eq!(
            detect("node_modules/lodash/package.json"),
            Some(Format::NodeModulesPackage)
        );
        assert_eq!(
            detect("node_modules/@babel/core/package.json"),
            Some(Format::NodeModulesPackage)
        );
        assert_eq!(
            detect("node_modules/a/node_modules/b/package.json"),
            Some(Format::NodeModulesPackage)
        );
        assert_eq!(detect("node_modules/lodash/fp/package.json"), None);
        assert_eq!(detect("package.json"), None);
        assert_eq!(detect("src/main.rs"), None);
    }

    #[test]
    fn pep503_normalises() {
        assert_eq!(pep503("Jinja2"), "jinja2");
        assert_eq!(pep503("zope.interface"), "zope-interface");
        assert_eq!(pep503("Foo__Bar-.baz"), "foo-bar-baz");
    }
}
