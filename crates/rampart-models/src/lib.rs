//! rampart's model-artifact scanner.
//!
//! Model files are recognised by content (magic bytes), never loaded: pickles (PyTorch zip and
//! legacy checkpoints, TorchScript, joblib plain and compressed, object NumPy arrays) are
//! disassembled and their imports classified deny-by-default; Keras, SavedModel, ONNX,
//! safetensors and GGUF headers are parsed for the hazards of each format; zip, 7z, tar and
//! compressed streams are unpacked within limits.

pub mod classify;
pub mod formats;
pub mod pickle;
pub mod rules;
pub mod scan;
pub mod source;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rampart_core::fingerprint::Fingerprint;
use rampart_core::scanner::FileInfo;
use rampart_core::{
    Diagnostic, FileTarget, Finding, Location, Rule, ScanContext, ScanOutput, Scanner,
};
use serde::Deserialize;

pub use scan::{Issue, Kind, Limits, Report, sniff};

/// `[scanner.models]` of `rampart.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ModelsConfig {
    /// Extra globals to treat as safe: `module.name` or `module.*` (never overrides the
    /// dangerous list).
    pub allow_globals: Vec<String>,
    /// The copyreg extension registry of the loading process: `"code" = "module.name"`.
    pub extension_codes: BTreeMap<String, String>,
    /// Report imports that are on neither list (low severity). Default true.
    pub report_unreviewed: Option<bool>,
    pub max_archive_depth: Option<usize>,
    pub max_archive_members: Option<usize>,
    /// Largest archive member or decompressed stream scanned, in bytes.
    pub max_member_bytes: Option<u64>,
    /// Total decompressed bytes per file.
    pub max_total_bytes: Option<u64>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("extension code `{0}` is not a number")]
    BadCode(String),
    #[error("extension target `{0}` is not `module.name`")]
    BadTarget(String),
}

/// The `models` scanner.
#[derive(Debug, Clone)]
pub struct ModelsScanner {
    allow: Vec<String>,
    ext: HashMap<u32, pickle::GlobalRef>,
    report_unreviewed: bool,
    limits: Limits,
    rules: Vec<Rule>,
}

impl Default for ModelsScanner {
    fn default() -> Self {
        Self::new(ModelsConfig::default())
            .unwrap_or_else(|_| unreachable!("the default configuration is valid"))
    }
}

/// Extensions worth offering to the content sniffer when the head alone is not conclusive
/// (protobuf has no magic; a head may be too short for a protocol 0 pickle).
const MODEL_EXTENSIONS: &[&str] = &[
    "pkl",
    "pickle",
    "pt",
    "pth",
    "bin",
    "ckpt",
    "joblib",
    "jbl",
    "npy",
    "npz",
    "h5",
    "hdf5",
    "keras",
    "pb",
    "onnx",
    "safetensors",
    "gguf",
    "sav",
    "dill",
    "model",
    "mar",
    "7z",
    "tar",
    "tgz",
    "gz",
    "bz2",
    "xz",
    "lzma",
    "z",
    "zip",
    "pkl.gz",
    "dat",
    "data",
    "pklz",
];

impl ModelsScanner {
    pub fn new(cfg: ModelsConfig) -> Result<Self, ConfigError> {
        let mut ext = HashMap::new();
        for (code, target) in &cfg.extension_codes {
            let c: u32 = code
                .trim()
                .parse()
                .map_err(|_| ConfigError::BadCode(code.clone()))?;
            let (m, n) = target
                .rsplit_once('.')
                .ok_or_else(|| ConfigError::BadTarget(target.clone()))?;
            ext.insert(
                c,
                pickle::GlobalRef {
                    module: m.to_string(),
                    name: n.to_string(),
                },
            );
        }
        let mut limits = Limits::default();
        if let Some(d) = cfg.max_archive_depth {
            limits.max_depth = d;
        }
        if let Some(m) = cfg.max_archive_members {
            limits.max_members = m;
        }
        if let Some(m) = cfg.max_member_bytes {
            limits.max_member_bytes = m;
        }
        if let Some(m) = cfg.max_total_bytes {
            limits.max_total_bytes = m;
        }
        Ok(ModelsScanner {
            allow: cfg.allow_globals,
            ext,
            report_unreviewed: cfg.report_unreviewed.unwrap_or(true),
            limits,
            rules: rules::all(),
        })
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Analyses bytes held in memory; `name` is the file name (used for extension checks and
    /// member paths only).
    pub fn analyze_bytes(&self, name: &str, data: &[u8]) -> Report {
        let mut a = scan::Analyzer::new(&self.allow, &self.ext, &self.limits);
        a.scan_bytes(data, name, "", 0);
        self.finish_report(a.report)
    }

    /// Analyses a file on disk in bounded memory (zip central directory and pickle members,
    /// header-only reads of safetensors/GGUF/HDF5/ONNX).
    pub fn analyze_path(&self, path: &Path, name: &str) -> std::io::Result<Report> {
        let mut a = scan::Analyzer::new(&self.allow, &self.ext, &self.limits);
        a.scan_path(path, name)?;
        Ok(self.finish_report(a.report))
    }

    fn finish_report(&self, mut r: Report) -> Report {
        if !self.report_unreviewed {
            r.issues
                .retain(|i| i.rule != rules::PICKLE_UNREVIEWED_IMPORT);
        }
        r
    }

    /// Turns a report on `rel_path` into findings and diagnostics.
    pub fn emit(&self, rel_path: &str, report: Report, out: &mut ScanOutput) {
        for i in report.issues {
            let Some(rule) = self.rules.iter().find(|r| r.id == i.rule) else {
                continue;
            };
            let fp = Fingerprint::from_parts([
                rule.id.as_bytes(),
                rel_path.as_bytes(),
                i.member.as_bytes(),
                i.key.as_bytes(),
            ]);
            let msg = if i.member.is_empty() {
                i.message.clone()
            } else {
                format!("{} (in `{}`)", i.message, i.member)
            };
            let mut f =
                Finding::new(rule, Location::file(rel_path, None), msg).with_fingerprint(fp);
            if let Some(s) = i.severity {
                f = f.with_severity(s);
            }
            if !i.member.is_empty() {
                f = f.with_property("member", i.member.clone());
            }
            if let Some(c) = &i.resolved_call {
                f = f.with_property("resolved_call", c.clone());
                f = f.with_evidence(rampart_core::Evidence::plain(c.clone()));
            }
            if !report.formats.is_empty() {
                f = f.with_property("formats", report.formats.join(","));
            }
            out.push(f);
        }
        for n in report.notes {
            out.diagnostic(Diagnostic::warning("models", Some(rel_path), n));
        }
    }
}

impl Scanner for ModelsScanner {
    fn name(&self) -> &'static str {
        "models"
    }

    fn rules(&self) -> Vec<Rule> {
        self.rules.clone()
    }

    fn wants(&self, file: &FileInfo<'_>, _ctx: &ScanContext) -> bool {
        let kind = sniff(file.head, file.size, file.rel_path);
        match kind {
            Kind::Unknown => {}
            // A text file taken for a protocol 0/1 pickle without a model extension must be one
            // whole pickle of plausible opcodes (prose that starts with `c` or `(` is not).
            Kind::Pickle => {
                return file.is_binary
                    || file.head.first() == Some(&0x80)
                    || has_model_ext(file.rel_path)
                    || pickle::is_text_pickle(file.head, file.head.len() as u64 >= file.size);
            }
            // A text file that happens to start like a zlib header is taken only with a
            // model-ish extension.
            Kind::Zlib | Kind::Lzma => {
                return file.is_binary
                    || file.head.first() == Some(&0x80)
                    || has_model_ext(file.rel_path);
            }
            _ => return true,
        }
        if file.file_name() == "config.json" && file.head.first() == Some(&b'{') {
            return false;
        }
        // A model-named file in no known format is reported as unrecognised, not skipped.
        if scan::model_name_strength(file.rel_path).is_some() {
            return true;
        }
        has_model_ext(file.rel_path)
            && file.is_binary
            && (pickle::looks_like_pickle(file.head, false)
                || formats::protobuf::sniff(file.head, false).is_some())
    }

    fn scan_file(&self, _ctx: &ScanContext, file: &FileTarget<'_>, out: &mut ScanOutput) {
        let rel = file.info.rel_path;
        let report = match file.content {
            Some(bytes) => self.analyze_bytes(rel, bytes),
            None => match self.analyze_path(file.info.path, rel) {
                Ok(r) => r,
                Err(e) => {
                    out.diagnostic(Diagnostic::error(
                        "models",
                        Some(rel),
                        None,
                        format!("cannot read: {e}"),
                    ));
                    return;
                }
            },
        };
        self.emit(rel, report, out);
    }
}

fn has_model_ext(path: &str) -> bool {
    let base = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    MODEL_EXTENSIONS
        .iter()
        .any(|e| base.ends_with(&format!(".{e}")))
}
