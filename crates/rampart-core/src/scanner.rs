//! The contract between the walk and a scanner.
//!
//! The walk enumerates files once, asks every scanner whether it [`Scanner::wants`] each file
//! (from its path, size and first bytes), reads the file once if anyone does, and hands the same
//! bytes to each interested scanner. Scanners never walk the tree themselves.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::finding::Finding;
use crate::rule::Rule;

/// What the walk knows about a file before reading it whole.
#[derive(Debug, Clone, Copy)]
pub struct FileInfo<'a> {
    /// Absolute (or root-joined) path, for scanners that must open the file themselves.
    pub path: &'a Path,
    /// Path relative to the scan root with `/` separators; what findings report.
    pub rel_path: &'a str,
    pub size: u64,
    /// Up to the first 8 KiB, for content sniffing (magic bytes).
    pub head: &'a [u8],
    /// A NUL byte in `head`: the same test git and ripgrep use.
    pub is_binary: bool,
}

impl<'a> FileInfo<'a> {
    /// The info of a file whose first bytes are `head` (up to 8 KiB); `is_binary` is derived.
    pub fn from_head(path: &'a Path, rel_path: &'a str, size: u64, head: &'a [u8]) -> Self {
        FileInfo {
            path,
            rel_path,
            size,
            head,
            is_binary: memchr::memchr(0, head).is_some(),
        }
    }

    /// The file name (last path component).
    pub fn file_name(&self) -> &str {
        self.rel_path.rsplit('/').next().unwrap_or(self.rel_path)
    }

    /// The extension, lower-cased, without the dot.
    pub fn extension(&self) -> Option<String> {
        let name = self.file_name();
        let (stem, ext) = name.rsplit_once('.')?;
        (!stem.is_empty()).then(|| ext.to_ascii_lowercase())
    }
}

/// A file handed to a scanner.
#[derive(Debug, Clone, Copy)]
pub struct FileTarget<'a> {
    pub info: FileInfo<'a>,
    /// The whole file, read once and shared by every scanner. `None` when the file is larger
    /// than [`ScanOptions::max_in_memory`]: the scanner then streams, maps or seeks `info.path`
    /// itself, in bounded memory.
    pub content: Option<&'a [u8]>,
}

/// Limits and switches of one scan, shared by the walk and the scanners.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScanOptions {
    /// Files larger than this are skipped unless a scanner's [`Scanner::wants`] accepts them.
    pub max_file_size: u64,
    /// Files up to this size are read into memory once; larger accepted files are streamed.
    pub max_in_memory: u64,
    /// Number of worker threads; 0 means one per core.
    pub threads: usize,
    /// Show a progress bar (the CLI sets this on a TTY only).
    pub progress: bool,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            max_file_size: 10 * 1024 * 1024,
            max_in_memory: 64 * 1024 * 1024,
            threads: 0,
            progress: false,
        }
    }
}

/// What a scanner sees of the scan as a whole.
#[derive(Debug, Clone)]
pub struct ScanContext {
    /// The scan root. Scanners that follow references between files (`-r other.txt`, a parent
    /// POM) must stay inside it.
    pub root: PathBuf,
    pub options: ScanOptions,
}

impl ScanContext {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        ScanContext {
            root: root.into(),
            options: ScanOptions::default(),
        }
    }

    /// Resolves `rel` against `base_dir` and returns it only if it stays inside the root
    /// (lexically and after resolving symlinks). Use for any path taken from file content.
    pub fn resolve_inside_root(&self, base_dir: &Path, rel: &str) -> Option<PathBuf> {
        let candidate = base_dir.join(rel);
        let real = candidate.canonicalize().ok()?;
        let root = self.root.canonicalize().ok()?;
        real.starts_with(&root).then_some(real)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiagnosticLevel {
    Note,
    Warning,
    Error,
}

/// A problem met while scanning (a malformed lockfile, an unreadable file, a rule that could not
/// be compiled). The scan goes on; diagnostics are printed and written to JSON and SARIF
/// (`toolExecutionNotifications`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: DiagnosticLevel,
    pub scanner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(
        scanner: &str,
        path: Option<&str>,
        line: Option<u32>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            level: DiagnosticLevel::Error,
            scanner: scanner.to_string(),
            path: path.map(str::to_string),
            line,
            message: message.into(),
        }
    }

    pub fn warning(scanner: &str, path: Option<&str>, message: impl Into<String>) -> Self {
        Diagnostic {
            level: DiagnosticLevel::Warning,
            scanner: scanner.to_string(),
            path: path.map(str::to_string),
            line: None,
            message: message.into(),
        }
    }

    /// `path:line: message`, the form compilers use.
    pub fn display(&self) -> String {
        let mut s = String::new();
        if let Some(p) = &self.path {
            s.push_str(p);
            if let Some(l) = self.line {
                s.push_str(&format!(":{l}"));
            }
            s.push_str(": ");
        }
        s.push_str(&format!(
            "{} [{}]: {}",
            self.level_str(),
            self.scanner,
            self.message
        ));
        s
    }

    fn level_str(&self) -> &'static str {
        match self.level {
            DiagnosticLevel::Note => "note",
            DiagnosticLevel::Warning => "warning",
            DiagnosticLevel::Error => "error",
        }
    }
}

/// Where a scanner puts what it found in one file (or in `finish`).
#[derive(Debug, Default)]
pub struct ScanOutput {
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ScanOutput {
    pub fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    pub fn diagnostic(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    pub fn extend(&mut self, other: ScanOutput) {
        self.findings.extend(other.findings);
        self.diagnostics.extend(other.diagnostics);
    }
}

/// A static scanner: gets files from the walk, returns findings.
pub trait Scanner: Send + Sync {
    /// Short lower-case name used by `--scanners` and `[scanner.<name>]` in `rampart.toml`.
    fn name(&self) -> &'static str;

    /// Every rule this scanner can report.
    fn rules(&self) -> Vec<Rule>;

    /// Whether this scanner wants the file, judged from its path, size and first bytes. Binary
    /// files and files over `max_file_size` are offered too; a scanner that says yes to them
    /// gets them (models want binaries, secrets wants large text files).
    fn wants(&self, file: &FileInfo<'_>, ctx: &ScanContext) -> bool;

    /// Scans one file. Errors in the file become [`Diagnostic`]s naming it; never panic.
    fn scan_file(&self, ctx: &ScanContext, file: &FileTarget<'_>, out: &mut ScanOutput);

    /// Runs once after every file was scanned, for work that needs the whole tree.
    fn finish(&self, _ctx: &ScanContext, _out: &mut ScanOutput) {}
}
