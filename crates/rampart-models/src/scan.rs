//! The driver: recognises each blob by content, unpacks containers (bounded), and turns what the
//! format parsers find into [`Issue`]s.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use rampart_core::Severity;

use crate::classify::{Class, Danger, classify};
use crate::formats::{gguf, hdf5, keras, npy, protobuf, safetensors};
use crate::pickle::{self, Analysis, Anomaly, GlobalRef};
use crate::rules as r;
use crate::source::{FileSource, Source};

/// Bounds of one file's scan (archives, decompression, pickles).
#[derive(Debug, Clone)]
pub struct Limits {
    pub max_depth: usize,
    pub max_members: usize,
    /// Largest single member or decompressed stream held in memory.
    pub max_member_bytes: u64,
    /// Total bytes decompressed for one top-level file.
    pub max_total_bytes: u64,
    /// Decompressed/compressed ratio tolerated once a stream is past 16 MiB.
    pub max_ratio: u64,
    /// Bytes of a large, non-seekable-format file (a legacy pickle) analysed from its start.
    pub max_prefix_bytes: u64,
    pub pickle: pickle::Limits,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 6,
            max_members: 20_000,
            max_member_bytes: 512 << 20,
            max_total_bytes: 4 << 30,
            max_ratio: 1_000,
            max_prefix_bytes: 256 << 20,
            pickle: pickle::Limits::default(),
        }
    }
}

/// One thing found, before it becomes a [`rampart_core::Finding`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub rule: &'static str,
    /// Overrides the rule's default severity.
    pub severity: Option<Severity>,
    /// The member path inside the file (`archive/data.pkl`, nested as `a.zip!/inner.pt!/data.pkl`);
    /// empty for the file itself.
    pub member: String,
    pub message: String,
    /// A pickle call rendered with its constant arguments.
    pub resolved_call: Option<String>,
    /// What the issue is about (a global, an op, a tensor), for the fingerprint.
    pub key: String,
}

#[derive(Debug, Default)]
pub struct Report {
    pub issues: Vec<Issue>,
    /// Problems that stopped part of the scan (diagnostics).
    pub notes: Vec<String>,
    /// The formats recognised, e.g. `zip`, `pickle`, `pytorch-legacy`.
    pub formats: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Zip,
    SevenZ,
    Tar,
    Gzip,
    Bzip2,
    Xz,
    Lzma,
    Zlib,
    Npy,
    Hdf5,
    Gguf,
    Safetensors,
    Pickle,
    Onnx,
    SavedModel,
    Unknown,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Zip => "zip",
            Kind::SevenZ => "7z",
            Kind::Tar => "tar",
            Kind::Gzip => "gzip",
            Kind::Bzip2 => "bzip2",
            Kind::Xz => "xz",
            Kind::Lzma => "lzma",
            Kind::Zlib => "zlib",
            Kind::Npy => "npy",
            Kind::Hdf5 => "hdf5",
            Kind::Gguf => "gguf",
            Kind::Safetensors => "safetensors",
            Kind::Pickle => "pickle",
            Kind::Onnx => "onnx",
            Kind::SavedModel => "savedmodel",
            Kind::Unknown => "unknown",
        }
    }
}

/// Recognises a blob by its first bytes. `size` is the whole blob's size; `name` only breaks ties
/// between protobuf formats (which have no magic), never decides alone.
pub fn sniff(head: &[u8], size: u64, name: &str) -> Kind {
    let complete = head.len() as u64 >= size;
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Kind::Zip;
    }
    if head.starts_with(b"7z\xBC\xAF\x27\x1C") {
        return Kind::SevenZ;
    }
    if head.starts_with(&[0x1f, 0x8b]) && inflates(Kind::Gzip, head) {
        return Kind::Gzip;
    }
    if head.len() >= 4
        && head.starts_with(b"BZh")
        && (b'1'..=b'9').contains(&head[3])
        && inflates(Kind::Bzip2, head)
    {
        return Kind::Bzip2;
    }
    if head.starts_with(b"\xFD7zXZ\x00") && inflates(Kind::Xz, head) {
        return Kind::Xz;
    }
    if head.len() > 262 && &head[257..262] == b"ustar" {
        return Kind::Tar;
    }
    if head.starts_with(npy::MAGIC) {
        return Kind::Npy;
    }
    if hdf5::sniff(head) {
        return Kind::Hdf5;
    }
    if gguf::sniff(head) {
        return Kind::Gguf;
    }
    if safetensors::sniff(head, size) {
        return Kind::Safetensors;
    }
    if pickle::looks_like_pickle(head, complete) {
        return Kind::Pickle;
    }
    if head.len() >= 3
        && head[0] == 0x5d
        && head[1] == 0
        && head[2] == 0
        && inflates(Kind::Lzma, head)
    {
        return Kind::Lzma;
    }
    if head.len() >= 2
        && head[0] == 0x78
        && (u16::from(head[0]) * 256 + u16::from(head[1])) % 31 == 0
        && inflates(Kind::Zlib, head)
    {
        return Kind::Zlib;
    }
    match protobuf::sniff(head, complete) {
        Some(protobuf::Kind::Onnx) => Kind::Onnx,
        Some(protobuf::Kind::SavedModel) => {
            // Without magic, a two-field protobuf is only taken for a SavedModel by its name.
            let base = name.rsplit(['/', '!']).next().unwrap_or(name);
            if base.ends_with(".pb") || base.ends_with(".pbtxt") {
                Kind::SavedModel
            } else {
                Kind::Unknown
            }
        }
        None => Kind::Unknown,
    }
}

/// Whether the head of a compressed stream decompresses to at least one byte: magic numbers of
/// two bytes match random data too often to read a whole member on their word alone.
fn inflates(kind: Kind, head: &[u8]) -> bool {
    let mut buf = [0u8; 64];
    let n = match kind {
        Kind::Gzip => flate2::read::GzDecoder::new(head)
            .read(&mut buf)
            .unwrap_or(0),
        Kind::Zlib => flate2::read::ZlibDecoder::new(head)
            .read(&mut buf)
            .unwrap_or(0),
        Kind::Bzip2 => bzip2::read::BzDecoder::new(head)
            .read(&mut buf)
            .unwrap_or(0),
        Kind::Xz | Kind::Lzma => {
            let mut out = Vec::new();
            let mut w = LimitedWriter {
                out: &mut out,
                cap: 64,
            };
            let mut r = head;
            let _ = if kind == Kind::Xz {
                lzma_rs::xz_decompress(&mut r, &mut w)
            } else {
                lzma_rs::lzma_decompress(&mut r, &mut w)
            };
            out.len()
        }
        _ => 0,
    };
    n > 0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameStrength {
    /// The extension is used for model files only (`.pt`, `.pkl`, `.safetensors`...).
    Strong,
    /// A generic extension (`.bin`, `.dat`) in a file whose name says model.
    Weak,
}

/// Extensions that mean "model file" whenever they appear.
const STRONG_MODEL_EXT: &[&str] = &[
    "pkl",
    "pickle",
    "pt",
    "pth",
    "ckpt",
    "joblib",
    "jbl",
    "npy",
    "npz",
    "h5",
    "hdf5",
    "keras",
    "onnx",
    "safetensors",
    "gguf",
    "sav",
    "dill",
    "pklz",
];

/// Extensions that are as often firmware, caches or data as models: a file with one is taken
/// for a model only when its name says so (`pytorch_model.bin`, `model.dat`, `weights.data`).
const WEAK_MODEL_EXT: &[&str] = &["bin", "dat", "data", "model", "pb", "mar"];
const MODEL_WORDS: &[&str] = &[
    "model",
    "weight",
    "checkpoint",
    "ckpt",
    "pytorch",
    "adapter",
    "optimizer",
    "state_dict",
];

/// Whether a file name promises a model, and how strongly.
pub fn model_name_strength(name: &str) -> Option<NameStrength> {
    let base = name
        .rsplit(['/', '!'])
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase();
    let (stem, ext) = base.rsplit_once('.')?;
    if STRONG_MODEL_EXT.contains(&ext) {
        return Some(NameStrength::Strong);
    }
    if WEAK_MODEL_EXT.contains(&ext) && MODEL_WORDS.iter().any(|w| stem.contains(w)) {
        return Some(NameStrength::Weak);
    }
    None
}

/// The kind a file's extension promises, for code-free formats only.
fn promised(name: &str) -> Option<Kind> {
    let base = name.rsplit(['/', '!']).next().unwrap_or(name);
    let ext = base.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "safetensors" => Kind::Safetensors,
        "gguf" => Kind::Gguf,
        "onnx" => Kind::Onnx,
        "npy" => Kind::Npy,
        "h5" | "hdf5" => Kind::Hdf5,
        "keras" => Kind::Zip,
        _ => return None,
    })
}

pub struct Analyzer<'a> {
    pub allow: &'a [String],
    pub ext: &'a HashMap<u32, GlobalRef>,
    pub limits: &'a Limits,
    pub report: Report,
    total: u64,
    /// Only a prefix of the top-level file is in memory: running off its end is not a defect
    /// of the file.
    prefix_only: bool,
    /// Size of the top-level file: the denominator of the whole-file expansion ratio.
    top_size: u64,
    /// A decompression bomb was found: everything still open unwinds without scanning more.
    aborted: bool,
}

/// Decompressed bytes after which expansion ratios are checked ("the first megabytes"): small
/// highly compressible members (a zero-filled tensor, a config) are read whole.
const RATIO_FLOOR: u64 = 8 << 20;

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}!/{name}")
    }
}

impl<'a> Analyzer<'a> {
    pub fn new(allow: &'a [String], ext: &'a HashMap<u32, GlobalRef>, limits: &'a Limits) -> Self {
        Analyzer {
            allow,
            ext,
            limits,
            report: Report::default(),
            total: 0,
            prefix_only: false,
            top_size: 0,
            aborted: false,
        }
    }

    fn issue(
        &mut self,
        rule: &'static str,
        member: &str,
        key: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Issue {
        self.report.issues.push(Issue {
            rule,
            severity: None,
            member: member.to_string(),
            message: message.into(),
            resolved_call: None,
            key: key.into(),
        });
        let n = self.report.issues.len() - 1;
        &mut self.report.issues[n]
    }

    fn note(&mut self, member: &str, msg: impl AsRef<str>) {
        if self.report.notes.len() < 100 {
            let m = if member.is_empty() {
                msg.as_ref().to_string()
            } else {
                format!("{member}: {}", msg.as_ref())
            };
            self.report.notes.push(m);
        }
    }

    fn format(&mut self, f: &str) {
        if !self.report.formats.iter().any(|x| x == f) {
            self.report.formats.push(f.to_string());
        }
    }

    /// Scans a file on disk; whole-file reads are avoided for seekable formats.
    pub fn scan_path(&mut self, path: &Path, name: &str) -> std::io::Result<()> {
        let mut f = File::open(path)?;
        let size = f.metadata()?.len();
        self.top_size = size;
        let mut head = Vec::new();
        (&mut f).take(8192).read_to_end(&mut head)?;
        let kind = sniff(&head, size, name);
        self.disguise_check(kind, name, "");
        match kind {
            Kind::Zip => {
                f.rewind()?;
                self.format("zip");
                self.scan_zip(BufReader::new(f), "", name, 0);
            }
            Kind::SevenZ => {
                f.rewind()?;
                self.scan_7z(f, "", 0);
            }
            Kind::Tar => {
                f.rewind()?;
                self.scan_tar(BufReader::new(f), "", 0);
            }
            Kind::Safetensors | Kind::Gguf | Kind::Hdf5 | Kind::Onnx | Kind::SavedModel => {
                drop(f);
                let src = FileSource::open(path)?;
                self.scan_source(kind, &src, "");
            }
            Kind::Gzip | Kind::Bzip2 | Kind::Xz | Kind::Lzma | Kind::Zlib => {
                f.rewind()?;
                drop(f);
                self.scan_compressed(kind, Input::File(path), size, name, "", 0);
            }
            Kind::Pickle | Kind::Npy | Kind::Unknown => {
                if kind == Kind::Unknown {
                    self.unrecognised(name, "its content matches none of the formats read");
                    return Ok(());
                }
                // Pickles sit at the start (legacy torch.save appends raw storages after them):
                // read a small prefix first and a larger one only if the pickles run past it.
                let mut data = Vec::new();
                for cap in [16u64 << 20, self.limits.max_prefix_bytes] {
                    f.rewind()?;
                    data.clear();
                    (&mut f)
                        .take(cap.min(self.limits.max_prefix_bytes))
                        .read_to_end(&mut data)?;
                    if data.len() as u64 >= size || kind != Kind::Pickle {
                        break;
                    }
                    let a = pickle::analyze(&data, &self.limits.pickle, self.ext);
                    if !a
                        .error
                        .as_ref()
                        .is_some_and(|e| e.message.contains("truncated"))
                    {
                        break;
                    }
                }
                if (data.len() as u64) < size {
                    self.note(
                        "",
                        format!(
                            "only the first {} MiB of {size} bytes were analysed",
                            data.len() >> 20
                        ),
                    );
                }
                self.prefix_only = (data.len() as u64) < size;
                self.scan_kind(kind, &data, name, "", 0);
            }
        }
        Ok(())
    }

    /// Scans a blob held in memory (a file, an archive member, a decompressed stream).
    pub fn scan_bytes(&mut self, data: &[u8], name: &str, member: &str, depth: usize) {
        let head = &data[..data.len().min(8192)];
        let kind = sniff(head, data.len() as u64, name);
        if depth == 0 && member.is_empty() && self.top_size == 0 {
            self.top_size = data.len() as u64;
        }
        if depth == 0 || !member.is_empty() {
            self.disguise_check(kind, name, member);
        }
        self.scan_kind(kind, data, name, member, depth);
    }

    /// A top-level file named like a model that could not be checked.
    fn unrecognised(&mut self, name: &str, reason: &str) {
        let Some(strength) = model_name_strength(name) else {
            return;
        };
        let base = name.rsplit(['/', '!']).next().unwrap_or(name).to_string();
        let i = self.issue(
            r::UNRECOGNISED_MODEL,
            "",
            "unrecognised",
            format!("`{base}` is named like a model file but {reason}; it was not checked"),
        );
        if strength == NameStrength::Weak {
            i.severity = Some(Severity::Low);
        }
    }

    fn disguise_check(&mut self, kind: Kind, name: &str, member: &str) {
        let Some(p) = promised(name) else { return };
        if kind == Kind::Unknown || kind == p {
            return;
        }
        let base = name.rsplit(['/', '!']).next().unwrap_or(name).to_string();
        self.issue(
            r::DISGUISED_FORMAT,
            member,
            format!("{}->{}", p.name(), kind.name()),
            format!(
                "`{base}` is named like {} but its content is {}",
                p.name(),
                kind.name()
            ),
        );
    }

    fn scan_kind(&mut self, kind: Kind, data: &[u8], name: &str, member: &str, depth: usize) {
        if self.aborted {
            return;
        }
        if depth > self.limits.max_depth {
            self.issue(
                r::ARCHIVE_LIMIT,
                member,
                "depth",
                format!(
                    "nesting deeper than {} levels was not scanned",
                    self.limits.max_depth
                ),
            );
            return;
        }
        match kind {
            Kind::Zip => {
                self.format("zip");
                self.scan_zip(std::io::Cursor::new(data), member, name, depth);
            }
            Kind::SevenZ => self.scan_7z(std::io::Cursor::new(data), member, depth),
            Kind::Tar => self.scan_tar(data, member, depth),
            Kind::Gzip | Kind::Bzip2 | Kind::Xz | Kind::Lzma | Kind::Zlib => self.scan_compressed(
                kind,
                Input::Mem(data),
                data.len() as u64,
                name,
                member,
                depth,
            ),
            Kind::Pickle => self.scan_pickle(data, member),
            Kind::Npy => self.scan_npy(data, member),
            Kind::Safetensors | Kind::Gguf | Kind::Hdf5 | Kind::Onnx | Kind::SavedModel => {
                self.scan_source(kind, &data, member)
            }
            Kind::Unknown => {
                let base = name.rsplit(['/', '!']).next().unwrap_or(name);
                if base == "config.json" && data.first() == Some(&b'{') {
                    self.scan_keras_json(data, member);
                } else if depth == 0 && member.is_empty() {
                    self.unrecognised(name, "its content matches none of the formats read");
                }
            }
        }
    }

    fn scan_source(&mut self, kind: Kind, src: &dyn Source, member: &str) {
        self.format(kind.name());
        match kind {
            Kind::Safetensors => {
                for p in safetensors::check(src) {
                    self.issue(
                        r::SAFETENSORS_INVALID,
                        member,
                        p.clone(),
                        format!("safetensors header: {p}"),
                    );
                }
            }
            Kind::Gguf => {
                let g = gguf::parse(src);
                for p in &g.problems {
                    self.issue(
                        r::GGUF_INVALID,
                        member,
                        "header",
                        format!("GGUF v{}: {p}", g.version),
                    );
                }
                for (key, t) in &g.templates {
                    let h = gguf::template_hazards(t);
                    if !h.is_empty() {
                        let snippet: String = t.chars().take(200).collect();
                        let i = self.issue(
                            r::GGUF_TEMPLATE_INJECTION,
                            member,
                            key.clone(),
                            format!(
                                "`{key}` reaches Python internals ({}): {snippet}",
                                h.join(", ")
                            ),
                        );
                        i.resolved_call = Some(snippet);
                    }
                }
            }
            Kind::Hdf5 => self.scan_hdf5(src, member),
            Kind::Onnx => {
                let o = protobuf::onnx(src);
                if let Some(e) = &o.error {
                    self.note(member, format!("ONNX protobuf: {e}"));
                }
                for (t, l) in &o.escapes {
                    self.issue(
                        r::ONNX_EXTERNAL_DATA_ESCAPE,
                        member,
                        l.clone(),
                        format!("tensor `{t}` reads external data from `{l}`, outside the model directory"),
                    );
                }
                for d in &o.custom_domains {
                    self.issue(
                        r::ONNX_CUSTOM_DOMAIN,
                        member,
                        d.clone(),
                        format!("operator domain `{d}` is not a standard ONNX domain"),
                    );
                }
            }
            Kind::SavedModel => {
                let s = protobuf::saved_model(src);
                if let Some(e) = &s.error {
                    self.note(member, format!("SavedModel protobuf: {e}"));
                }
                for (op, node) in &s.ops {
                    let rule = if protobuf::PYFUNC_OPS.contains(&op.as_str()) {
                        r::TF_PYFUNC_OP
                    } else {
                        r::TF_FILE_OP
                    };
                    self.issue(
                        rule,
                        member,
                        op.clone(),
                        format!("graph node `{node}` uses op `{op}`"),
                    );
                }
            }
            _ => {}
        }
    }

    fn scan_hdf5(&mut self, src: &dyn Source, member: &str) {
        let config = match hdf5::root_attributes(src) {
            Ok(rep) => {
                let found = rep
                    .attributes
                    .iter()
                    .find(|a| a.name == "model_config")
                    .and_then(|a| a.value.clone());
                if found.is_none() && rep.dense_attributes {
                    self.note(member, "HDF5 root group uses dense attribute storage; searched the bytes for model_config instead");
                    hdf5::search_model_config(src, 64 << 20)
                } else {
                    found
                }
            }
            Err(e) => {
                self.note(
                    member,
                    format!("HDF5: {e}; searched the bytes for model_config instead"),
                );
                hdf5::search_model_config(src, 64 << 20)
            }
        };
        if let Some(c) = config {
            self.format("keras-h5");
            self.scan_keras_json(c.as_bytes(), member);
        }
    }

    fn scan_keras_json(&mut self, data: &[u8], member: &str) {
        let Ok(v) = serde_json::from_slice::<serde_json::Value>(data) else {
            self.note(member, "Keras configuration is not valid JSON");
            return;
        };
        self.format("keras");
        for h in keras::analyze(&v) {
            match h {
                keras::KerasHazard::Lambda { layer, detail } => {
                    self.issue(
                        r::KERAS_LAMBDA,
                        member,
                        format!("lambda:{layer}"),
                        format!("Lambda layer `{layer}` stores {detail}"),
                    );
                }
                keras::KerasHazard::UnsafeModule {
                    module,
                    name,
                    reason,
                } => {
                    self.issue(
                        r::KERAS_UNSAFE_MODULE,
                        member,
                        format!("{module}.{name}"),
                        format!("configuration loads `{name}` from module `{module}` ({reason})"),
                    );
                }
                keras::KerasHazard::CustomObject { module, name } => {
                    self.issue(
                        r::KERAS_CUSTOM_OBJECT,
                        member,
                        format!("{module}.{name}"),
                        format!(
                            "configuration loads `{name}` from module `{module}`, outside Keras"
                        ),
                    );
                }
            }
        }
    }

    fn scan_npy(&mut self, data: &[u8], member: &str) {
        self.format("npy");
        match npy::parse(data) {
            Ok(h) if h.object => {
                self.issue(
                    r::NPY_OBJECT_ARRAY,
                    member,
                    h.descr.clone(),
                    format!("array dtype {} holds pickled objects", h.descr),
                );
                if let Some(p) = data.get(h.data_offset..) {
                    self.scan_pickle(p, member);
                }
            }
            Ok(_) => {}
            Err(e) => self.note(member, format!("npy: {e}")),
        }
    }

    fn scan_pickle(&mut self, data: &[u8], member: &str) {
        let a = pickle::analyze(data, &self.limits.pickle, self.ext);
        self.format(if a.first_value.as_deref() == Some(LEGACY_TORCH_MAGIC) {
            "pytorch-legacy"
        } else {
            "pickle"
        });
        if a.joblib_arrays > 0 {
            self.format("joblib");
        }
        self.pickle_issues(&a, member, "");
    }

    fn pickle_issues(&mut self, a: &Analysis, member: &str, via: &str) {
        for imp in &a.imports {
            let g = &imp.global;
            let dotted = g.dotted();
            let mut class = classify(&g.module, &g.name, self.allow);
            if class == Class::Safe && imp.unusual_call {
                class = Class::Unreviewed;
            }
            let call = imp.calls.first().cloned();
            let how = match imp.kind {
                pickle::ImportKind::Ext(code) => format!("EXT code {code}"),
                k => k.opcode().to_string(),
            };
            let ctx = if via.is_empty() {
                String::new()
            } else {
                format!(" inside a payload passed to {via}")
            };
            let shown = call.as_ref().map(|c| format!(": {c}")).unwrap_or_default();
            match class {
                Class::Safe => {}
                Class::Dangerous(d, why) => {
                    let rule = match d {
                        Danger::CodeExecution => r::PICKLE_CODE_EXECUTION,
                        Danger::FileAccess => r::PICKLE_FILE_ACCESS,
                        Danger::Network => r::PICKLE_NETWORK,
                        Danger::Introspection => r::PICKLE_DANGEROUS_IMPORT,
                    };
                    let i = self.issue(
                        rule,
                        member,
                        dotted.clone(),
                        format!(
                            "pickle imports `{dotted}` ({why}) via {how} at offset {}{ctx}{shown}",
                            imp.offset
                        ),
                    );
                    i.resolved_call = call;
                }
                Class::Unreviewed if imp.called => {
                    let code = imp.calls.iter().find_map(|c| code_marker(c));
                    let why = match code {
                        Some(m) => format!(" with code-like arguments (`{m}`)"),
                        None => String::new(),
                    };
                    let i = self.issue(
                        r::PICKLE_UNREVIEWED_CALL,
                        member,
                        dotted.clone(),
                        format!(
                            "pickle calls `{dotted}`, which is not on the allowlist, while loading{why}{ctx}{shown}"
                        ),
                    );
                    if code.is_some() {
                        i.severity = Some(Severity::Critical);
                    }
                    i.resolved_call = call;
                }
                Class::Unreviewed => {
                    let i = self.issue(
                        r::PICKLE_UNREVIEWED_IMPORT,
                        member,
                        dotted.clone(),
                        format!(
                            "pickle imports `{dotted}`, which is not on the allowlist{ctx}{shown}"
                        ),
                    );
                    i.resolved_call = call;
                }
            }
        }
        for an in &a.anomalies {
            match an {
                Anomaly::DynamicImport { offset, rendered } => {
                    let i = self.issue(
                        r::PICKLE_DYNAMIC_IMPORT,
                        member,
                        rendered.clone(),
                        format!("STACK_GLOBAL at offset {offset} takes non-constant operands: {rendered}"),
                    );
                    i.resolved_call = Some(rendered.clone());
                }
                Anomaly::UnknownExtension { offset, code } => {
                    self.issue(
                        r::PICKLE_UNKNOWN_EXTENSION,
                        member,
                        format!("ext:{code}"),
                        format!("EXT opcode at offset {offset} uses extension code {code}, which is not registered"),
                    );
                }
            }
        }
        if let Some(e) = &a.error
            && self.prefix_only
            && via.is_empty()
            && e.message.contains("truncated")
        {
            self.note(
                member,
                format!("the pickle continues past the part read into memory (offset {}); the rest was not analysed", e.offset),
            );
        } else if let Some(e) = &a.error {
            self.issue(
                r::PICKLE_MALFORMED,
                member,
                "malformed",
                format!(
                    "pickle stream is malformed at offset {}: {} ({} pickle(s) and {} operations read before it)",
                    e.offset, e.message, a.pickles, a.ops
                ),
            );
        }
        for n in &a.nested {
            let via = format!("{} at offset {}", n.via, n.offset);
            self.pickle_issues(&n.analysis, member, &via);
        }
    }

    /// Reports a decompression bomb once per top-level file and stops the whole scan.
    fn bomb(&mut self, member: &str, what: String) {
        if !self.aborted {
            self.aborted = true;
            self.issue(r::ARCHIVE_LIMIT, member, "ratio", what);
        }
    }

    /// Whether `produced` more bytes from `compressed` input still look like data rather than a
    /// bomb: past [`RATIO_FLOOR`], neither this stream nor the whole file may expand more than
    /// `max_ratio` times.
    fn ratio_ok(&mut self, member: &str, produced: u64, compressed: u64) -> bool {
        if produced <= RATIO_FLOOR {
            return true;
        }
        let ratio = self.limits.max_ratio.max(1);
        let whole = self.total.saturating_add(produced);
        if produced / compressed.max(1) > ratio {
            self.bomb(
                member,
                format!(
                    "decompression bomb: a member expands more than {ratio}× ({produced} bytes from {compressed}); scanning stopped"
                ),
            );
            return false;
        }
        if self.top_size > 0 && whole / self.top_size > ratio {
            self.bomb(
                member,
                format!(
                    "decompression bomb: {whole} bytes decompressed from a {}-byte file (more than {ratio}×); scanning stopped",
                    self.top_size
                ),
            );
            return false;
        }
        true
    }

    /// Reads `r` into `out` up to `cap` bytes in chunks, checking the expansion ratio as it goes
    /// so a bomb is stopped after its first megabytes, not at the size cap. `compressed` is the
    /// input size the stream comes from. Returns false when a bomb stopped it.
    fn read_guarded<R: Read>(
        &mut self,
        mut r: R,
        cap: u64,
        compressed: u64,
        out: &mut Vec<u8>,
        member: &str,
    ) -> std::io::Result<bool> {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            if out.len() as u64 >= cap {
                return Ok(true);
            }
            let want = buf
                .len()
                .min(usize::try_from(cap - out.len() as u64).unwrap_or(buf.len()));
            let n = match r.read(&mut buf[..want]) {
                Ok(0) => return Ok(true),
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            out.extend_from_slice(&buf[..n]);
            if !self.ratio_ok(member, out.len() as u64, compressed) {
                return Ok(false);
            }
        }
    }

    fn budget(&mut self, member: &str, n: u64) -> bool {
        if self.aborted {
            return false;
        }
        self.total = self.total.saturating_add(n);
        if self.top_size > 0
            && self.total > RATIO_FLOOR
            && self.total / self.top_size > self.limits.max_ratio.max(1)
        {
            self.bomb(
                member,
                format!(
                    "decompression bomb: {} bytes decompressed from a {}-byte file (more than {}×); scanning stopped",
                    self.total,
                    self.top_size,
                    self.limits.max_ratio.max(1)
                ),
            );
            return false;
        }
        if self.total > self.limits.max_total_bytes {
            self.aborted = true;
            self.issue(
                r::ARCHIVE_LIMIT,
                member,
                "total",
                format!(
                    "more than {} MiB decompressed; the rest was not scanned",
                    self.limits.max_total_bytes >> 20
                ),
            );
            return false;
        }
        true
    }

    fn scan_compressed(
        &mut self,
        kind: Kind,
        src: Input<'_>,
        in_size: u64,
        name: &str,
        member: &str,
        depth: usize,
    ) {
        let inner = name.rsplit_once('.').map_or(name, |(s, ext)| match ext {
            "gz" | "bz2" | "xz" | "lzma" | "z" | "tgz" => s,
            _ => name,
        });
        // Streaming decoders: look at the first decompressed bytes before materialising
        // anything. Content that is no model format is never decompressed further, and a tar
        // is read member by member straight from the decoder.
        if matches!(kind, Kind::Gzip | Kind::Zlib | Kind::Bzip2) {
            let mut peek = Vec::new();
            match src.open() {
                Ok(r) => {
                    let _ = decoder(kind, r).take(8192).read_to_end(&mut peek);
                }
                Err(e) => {
                    self.note(member, format!("{}: {e}", kind.name()));
                    return;
                }
            }
            if peek.is_empty() {
                return;
            }
            self.format(kind.name());
            match sniff(&peek, u64::MAX, inner) {
                Kind::Unknown => return,
                Kind::Tar => {
                    if let Ok(r) = src.open() {
                        let limited = decoder(kind, r).take(self.limits.max_total_bytes);
                        self.scan_tar(limited, member, depth + 1);
                    }
                    return;
                }
                _ => {}
            }
        }
        let input = match src.open() {
            Ok(r) => r,
            Err(e) => {
                self.note(member, format!("{}: {e}", kind.name()));
                return;
            }
        };
        let cap = self.limits.max_member_bytes;
        let mut out = Vec::new();
        let res = match kind {
            Kind::Gzip | Kind::Zlib | Kind::Bzip2 => {
                match self.read_guarded(
                    decoder(kind, input),
                    cap.saturating_add(1),
                    in_size,
                    &mut out,
                    member,
                ) {
                    Ok(true) => Ok(()),
                    Ok(false) => return,
                    Err(e) => Err(e),
                }
            }
            Kind::Xz | Kind::Lzma => {
                let mut r = std::io::BufReader::new(input);
                let mut w = LimitedWriter {
                    out: &mut out,
                    cap: usize::try_from(cap).unwrap_or(usize::MAX).saturating_add(1),
                };
                let opts = lzma_rs::decompress::Options {
                    memlimit: Some(256 << 20),
                    ..Default::default()
                };
                let r2 = if kind == Kind::Xz {
                    lzma_rs::xz_decompress(&mut r, &mut w)
                } else {
                    lzma_rs::lzma_decompress_with_options(&mut r, &mut w, &opts)
                };
                r2.map_err(|e| std::io::Error::other(e.to_string()))
            }
            _ => Ok(()),
        };
        if out.is_empty() {
            if let Err(e) = res {
                // zlib/lzma are sniffed from two bytes; a failure on a blob that did not
                // decompress at all means it was not such a stream.
                if !matches!(kind, Kind::Zlib | Kind::Lzma) {
                    self.note(member, format!("{} stream: {e}", kind.name()));
                }
            }
            return;
        }
        self.format(kind.name());
        if let Err(e) = &res
            && !e.to_string().contains("limit")
        {
            self.note(
                member,
                format!(
                    "{} stream ends early: {e}; the decompressed part was scanned",
                    kind.name()
                ),
            );
        }
        if out.len() as u64 > cap {
            self.issue(
                r::ARCHIVE_LIMIT,
                member,
                "member-size",
                format!(
                    "{} stream decompresses past {} MiB; only the start was scanned",
                    kind.name(),
                    cap >> 20
                ),
            );
            out.truncate(cap as usize);
        } else if out.len() as u64 > 16 << 20
            && out.len() as u64 / in_size.max(1) > self.limits.max_ratio
        {
            self.issue(
                r::ARCHIVE_LIMIT,
                member,
                "ratio",
                format!(
                    "{} stream expands {}×; not scanned further",
                    kind.name(),
                    out.len() as u64 / in_size.max(1)
                ),
            );
            return;
        }
        if !self.budget(member, out.len() as u64) {
            return;
        }
        self.scan_bytes(&out, inner, member, depth + 1);
    }

    fn scan_zip<R: Read + Seek>(&mut self, reader: R, prefix: &str, name: &str, depth: usize) {
        let mut zip = match zip::ZipArchive::new(reader) {
            Ok(z) => z,
            Err(e) => {
                if prefix.is_empty() && depth == 0 {
                    self.unrecognised(
                        name,
                        &format!("it starts like a zip but cannot be read: {e}"),
                    );
                }
                self.note(prefix, format!("zip: {e}"));
                return;
            }
        };
        let n = zip.len();
        if n > self.limits.max_members {
            self.issue(
                r::ARCHIVE_LIMIT,
                prefix,
                "members",
                format!(
                    "zip has {n} members; only the first {} were scanned",
                    self.limits.max_members
                ),
            );
        }
        let _ = name;
        let mut code_files = Vec::new();
        for i in 0..n.min(self.limits.max_members) {
            if self.aborted {
                return;
            }
            // Raw member data, decoded here: PyTorch's reader ignores the encryption flag and
            // CRC mismatches, so the zip crate's refusal of either would hide what torch loads.
            let mut f = match zip.by_index_raw(i) {
                Ok(f) => f,
                Err(e) => {
                    self.note(prefix, format!("zip member {i}: {e}"));
                    continue;
                }
            };
            if f.is_dir() {
                continue;
            }
            let mname = f
                .name()
                .map(|n| n.into_owned())
                .unwrap_or_else(|_| format!("member-{i}"));
            let size = f.size();
            let compressed = f.compressed_size();
            let encrypted = f.encrypted();
            let expected_crc = f.crc32();
            let method = f.compression();
            let member = join(prefix, &mname);
            if mname.ends_with(".py") && mname.contains("code/") {
                code_files.push(mname.clone());
                continue;
            }
            let mut reader: Box<dyn Read + '_> = match method {
                zip::CompressionMethod::Stored => Box::new(&mut f),
                zip::CompressionMethod::Deflated => {
                    Box::new(flate2::read::DeflateDecoder::new(&mut f))
                }
                other => {
                    self.note(
                        &member,
                        format!("zip member compressed with {other:?}; not scanned"),
                    );
                    continue;
                }
            };
            let mut head = Vec::new();
            // Real encryption turns the data into noise a decoder may reject: not an error.
            if let Err(e) = (&mut reader).take(8192).read_to_end(&mut head)
                && !encrypted
            {
                self.note(&member, format!("zip member: {e}"));
                continue;
            }
            let kind = sniff(&head, size.max(head.len() as u64), &mname);
            let base = mname.rsplit('/').next().unwrap_or(&mname);
            let wanted =
                kind != Kind::Unknown || (base == "config.json" && head.first() == Some(&b'{'));
            if encrypted && !wanted {
                self.note(&member, "encrypted zip member; not scanned");
                continue;
            }
            if encrypted {
                self.issue(
                    r::ZIP_TAMPERED,
                    &member,
                    "encrypted-flag",
                    format!(
                        "zip member is flagged as encrypted but holds plain {} data, which PyTorch loads anyway",
                        kind.name()
                    ),
                );
            }
            if !wanted {
                self.disguise_check(kind, &mname, &member);
                continue;
            }
            if size > self.limits.max_member_bytes {
                self.issue(
                    r::ARCHIVE_LIMIT,
                    &member,
                    "member-size",
                    format!(
                        "member of {size} bytes is larger than the {} MiB limit; not scanned",
                        self.limits.max_member_bytes >> 20
                    ),
                );
                continue;
            }
            let mut data = head;
            let cap = self.limits.max_member_bytes.saturating_add(1);
            let complete = match self.read_guarded(&mut reader, cap, compressed, &mut data, &member)
            {
                Ok(true) => (data.len() as u64) < cap,
                Ok(false) => return,
                Err(e) => {
                    self.note(
                        &member,
                        format!("zip member: {e}; the part read was scanned"),
                    );
                    false
                }
            };
            drop(reader);
            drop(f);
            if complete {
                let mut crc = flate2::Crc::new();
                crc.update(&data);
                if crc.sum() != expected_crc {
                    self.issue(
                        r::ZIP_TAMPERED,
                        &member,
                        "crc",
                        format!(
                            "zip member CRC-32 is {:08x} but the data's is {:08x}; PyTorch loads it anyway",
                            expected_crc,
                            crc.sum()
                        ),
                    );
                }
            }
            if !self.budget(&member, data.len() as u64) {
                return;
            }
            self.scan_bytes(&data, &mname, &member, depth + 1);
        }
        if !code_files.is_empty() {
            self.format("torchscript");
            let shown: Vec<&str> = code_files.iter().take(5).map(String::as_str).collect();
            self.issue(
                r::TORCHSCRIPT_CODE,
                prefix,
                "torchscript",
                format!(
                    "TorchScript archive with {} code file(s): {}",
                    code_files.len(),
                    shown.join(", ")
                ),
            );
        }
    }

    fn scan_tar<R: Read>(&mut self, reader: R, prefix: &str, depth: usize) {
        self.format("tar");
        let mut ar = tar::Archive::new(reader);
        let entries = match ar.entries() {
            Ok(e) => e,
            Err(e) => {
                self.note(prefix, format!("tar: {e}"));
                return;
            }
        };
        for (i, entry) in entries.enumerate() {
            if self.aborted {
                return;
            }
            if i >= self.limits.max_members {
                self.issue(
                    r::ARCHIVE_LIMIT,
                    prefix,
                    "members",
                    format!(
                        "tar has more than {} members; the rest was not scanned",
                        self.limits.max_members
                    ),
                );
                break;
            }
            let mut e = match entry {
                Ok(e) => e,
                Err(err) => {
                    self.note(prefix, format!("tar: {err}"));
                    break;
                }
            };
            if !e.header().entry_type().is_file() {
                continue;
            }
            let mname = e
                .path()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            let size = e.size();
            let member = join(prefix, &mname);
            if size > self.limits.max_member_bytes {
                self.issue(
                    r::ARCHIVE_LIMIT,
                    &member,
                    "member-size",
                    format!("member of {size} bytes is larger than the limit; not scanned"),
                );
                continue;
            }
            let mut head = Vec::new();
            if (&mut e).take(8192).read_to_end(&mut head).is_err() {
                break;
            }
            let kind = sniff(&head, size, &mname);
            let base = mname.rsplit('/').next().unwrap_or(&mname);
            if kind == Kind::Unknown && !(base == "config.json" && head.first() == Some(&b'{')) {
                continue;
            }
            let mut data = head;
            // The compressed size of a member of a compressed tar is unknown: only the
            // whole-file ratio applies.
            if let Ok(false) = self.read_guarded(
                &mut e,
                self.limits.max_member_bytes,
                u64::MAX,
                &mut data,
                &member,
            ) {
                return;
            }
            if !self.budget(&member, data.len() as u64) {
                return;
            }
            self.scan_bytes(&data, &mname, &member, depth + 1);
        }
    }

    fn scan_7z<R: Read + Seek>(&mut self, reader: R, prefix: &str, depth: usize) {
        self.format("7z");
        let mut ar = match sevenz_rust2::ArchiveReader::new(reader, sevenz_rust2::Password::empty())
        {
            Ok(a) => a,
            Err(e) => {
                self.note(prefix, format!("7z: {e}"));
                return;
            }
        };
        let max_members = self.limits.max_members;
        let cap = self.limits.max_member_bytes;
        let mut count = 0usize;
        let mut limit_hit = None;
        let res = ar.for_each_entries(|entry, rd| {
            if self.aborted {
                return Ok(false);
            }
            if entry.is_directory() {
                return Ok(true);
            }
            count += 1;
            if count > max_members {
                limit_hit = Some("members");
                return Ok(false);
            }
            let mut data = Vec::new();
            rd.take(cap.saturating_add(1)).read_to_end(&mut data)?;
            if data.len() as u64 > cap {
                limit_hit = Some("member-size");
                data.truncate(cap as usize);
            }
            // Read the stream to its end so the next entry of a solid block lines up.
            std::io::copy(rd, &mut std::io::sink())?;
            let name = entry.name().to_string();
            let member = join(prefix, &name);
            if !self.budget(&member, data.len() as u64) {
                return Ok(false);
            }
            self.scan_bytes(&data, &name, &member, depth + 1);
            Ok(true)
        });
        if let Err(e) = res {
            self.note(prefix, format!("7z: {e}"));
        }
        if let Some(what) = limit_hit {
            self.issue(
                r::ARCHIVE_LIMIT,
                prefix,
                what,
                format!("7z archive exceeds the {what} limit; the rest was not scanned"),
            );
        }
    }
}

pub use crate::pickle::LEGACY_TORCH_MAGIC;

/// Fragments that make a string argument read as code or a shell command rather than data
/// (a file name, a label, a number).
const CODE_MARKERS: &[&str] = &[
    "__import__",
    "__builtins__",
    "__globals__",
    "__subclasses__",
    "os.system",
    "os.popen",
    "subprocess",
    "eval(",
    "exec(",
    "compile(",
    "import os",
    "import subprocess",
    "import socket",
    "/bin/sh",
    "/bin/bash",
    "sh -c",
    "bash -c",
    "cmd.exe",
    "powershell",
    "curl ",
    "wget ",
    "nc -",
    "rm -rf",
    "chmod ",
    "echo ",
    "| sh",
    "|sh",
    "base64 -d",
];

/// The first code marker in a rendered call, if any.
fn code_marker(rendered: &str) -> Option<&'static str> {
    let lower = rendered.to_ascii_lowercase();
    CODE_MARKERS.iter().copied().find(|m| lower.contains(m))
}

/// A compressed stream that can be opened more than once.
#[derive(Clone, Copy)]
enum Input<'d> {
    Mem(&'d [u8]),
    File(&'d Path),
}

impl<'d> Input<'d> {
    fn open(self) -> std::io::Result<Box<dyn Read + 'd>> {
        Ok(match self {
            Input::Mem(b) => Box::new(b),
            Input::File(p) => Box::new(BufReader::new(File::open(p)?)),
        })
    }
}

fn decoder<'r>(kind: Kind, r: Box<dyn Read + 'r>) -> Box<dyn Read + 'r> {
    match kind {
        Kind::Gzip => Box::new(flate2::read::MultiGzDecoder::new(r)),
        Kind::Zlib => Box::new(flate2::read::ZlibDecoder::new(r)),
        Kind::Bzip2 => Box::new(bzip2::read::MultiBzDecoder::new(r)),
        _ => r,
    }
}

struct LimitedWriter<'a> {
    out: &'a mut Vec<u8>,
    cap: usize,
}

impl std::io::Write for LimitedWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.out.len() + buf.len() > self.cap {
            let room = self.cap - self.out.len();
            self.out.extend_from_slice(&buf[..room]);
            return Err(std::io::Error::other("decompression limit reached"));
        }
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
