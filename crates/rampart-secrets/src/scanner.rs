//! [`SecretsScanner`]: the engine behind rampart's `Scanner` trait, turning matches into findings.

use std::io::Read;
use std::ops::Range;
use std::path::PathBuf;

use rampart_core::finding::Region;
use rampart_core::fingerprint::sensitive_hash;
use rampart_core::scanner::FileInfo;
use rampart_core::{
    Diagnostic, Evidence, FileTarget, Finding, Fingerprint, Location, Rule, ScanContext,
    ScanOutput, Scanner,
};
use serde::Deserialize;

use crate::archive;
use crate::decode;
use crate::engine::{Engine, EngineError, ScanHints, line_of};
use crate::rules::{self, LoadError};
use crate::validate::{self, Validation, ValidationEndpoints};

/// `[scanner.secrets]` in `rampart.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecretsConfig {
    /// Directories of extra rule files in the built-in format (`*.toml`).
    #[serde(default)]
    pub rule_dirs: Vec<PathBuf>,
    /// Rule ids (built-in or user) that are not run.
    #[serde(default)]
    pub disabled_rules: Vec<String>,
    /// Nesting depth of encoded blobs decoded and re-scanned (default 2; 0 turns decoding off).
    #[serde(default)]
    pub decode_depth: Option<u8>,
    /// Open zip/jar/tar/gz archives (default true).
    #[serde(default)]
    pub archives: Option<bool>,
    /// Check each found secret against its provider (off by default; `--validate`).
    #[serde(default)]
    pub validate: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum SecretsError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error("disabled_rules names unknown rule `{0}`")]
    UnknownDisabled(String),
}

/// Limits for decoding blobs in one buffer.
const MAX_BLOBS: usize = 4096;
const MAX_DECODED_TOTAL: usize = 16 * 1024 * 1024;
/// Context kept before a decoded blob (`password: <blob>` keeps `password: `).
const BLOB_PREFIX: usize = 64;

/// Streaming of files too big to hold in memory.
pub(crate) const CHUNK: usize = 8 * 1024 * 1024;
pub(crate) const OVERLAP: usize = 64 * 1024;

pub struct SecretsScanner {
    engine: Engine,
    decode_depth: u8,
    archives: bool,
    validation: Option<ValidationEndpoints>,
}

impl std::fmt::Debug for SecretsScanner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretsScanner")
            .field("engine", &self.engine)
            .finish()
    }
}

/// A secret found in one buffer, before it becomes a [`Finding`].
#[derive(Debug, Clone)]
pub struct Hit {
    pub rule: usize,
    /// Where to point: the secret, or the encoded blob holding it.
    pub span: Range<usize>,
    pub secret: Vec<u8>,
    /// `base64`, `base64/hex`...; empty for a plain secret.
    pub encoding: Vec<&'static str>,
}

impl SecretsScanner {
    pub fn new(cfg: SecretsConfig) -> Result<Self, SecretsError> {
        let mut all = rules::builtin_rules()?;
        for dir in &cfg.rule_dirs {
            let user = rules::load_rule_dir(dir)?;
            for r in &user {
                r.compile_now().map_err(|message| LoadError::Rule {
                    file: r.source.clone(),
                    rule: r.rule.id.clone(),
                    message,
                })?;
            }
            all.extend(user);
        }
        rules::check_duplicates(&all)?;
        for d in &cfg.disabled_rules {
            if !all.iter().any(|r| &r.rule.id == d) {
                return Err(SecretsError::UnknownDisabled(d.clone()));
            }
        }
        all.retain(|r| !cfg.disabled_rules.contains(&r.rule.id));
        Ok(SecretsScanner {
            engine: Engine::new(all)?,
            decode_depth: cfg.decode_depth.unwrap_or(2),
            archives: cfg.archives.unwrap_or(true),
            validation: cfg.validate.then(ValidationEndpoints::default),
        })
    }

    /// Turns on live validation against `endpoints` (`--validate`; tests point it at a mock).
    pub fn with_validation(mut self, endpoints: ValidationEndpoints) -> Self {
        self.validation = Some(endpoints);
        self
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Every secret in `data`, decoding encoded blobs up to the configured depth.
    pub fn hits(&self, data: &[u8], path: &str) -> Vec<Hit> {
        let mut budget = MAX_DECODED_TOTAL;
        let mut out = Vec::new();
        self.hits_rec(data, path, 0, &mut budget, &mut out);
        out
    }

    fn hits_rec(&self, data: &[u8], path: &str, depth: u8, budget: &mut usize, out: &mut Vec<Hit>) {
        if depth == 0 {
            self.csv_hits(data, path, out);
        }
        for m in self.engine.scan(data, ScanHints { path }) {
            out.push(Hit {
                rule: m.rule,
                span: m.secret.clone(),
                secret: data[m.secret].to_vec(),
                encoding: Vec::new(),
            });
        }
        if depth >= self.decode_depth {
            return;
        }
        for blob in decode::find_blobs(data, MAX_BLOBS) {
            if *budget == 0 {
                return;
            }
            let Some(decoded) = decode::decode(&data[blob.range.clone()], blob.encoding) else {
                continue;
            };
            if decoded.len() > *budget || !decode::is_texty(&decoded) {
                continue;
            }
            // Worth a scan if a keyword is in it, or if it may hold a further encoded layer.
            if !self.engine.any_keyword(&decoded) && depth + 1 >= self.decode_depth {
                continue;
            }
            *budget -= decoded.len();
            let line = line_of(data, blob.range.clone());
            let prefix_start = blob.range.start.saturating_sub(BLOB_PREFIX).max(line.start);
            let prefix = &data[prefix_start..blob.range.start];
            let mut buf = Vec::with_capacity(prefix.len() + decoded.len());
            buf.extend_from_slice(prefix);
            buf.extend_from_slice(&decoded);
            let mut inner = Vec::new();
            self.hits_rec(&buf, path, depth + 1, budget, &mut inner);
            for h in inner {
                // Only secrets inside the decoded bytes; the prefix was there for context.
                if h.span.start < prefix.len() {
                    continue;
                }
                // A secret that is also there in plain text (a URL whose other parameters are
                // percent-encoded) was already reported without an encoding.
                if memchr::memmem::find(data, &h.secret).is_some() {
                    continue;
                }
                let mut encoding = vec![blob.encoding.as_str()];
                encoding.extend(h.encoding);
                out.push(Hit {
                    rule: h.rule,
                    span: blob.range.clone(),
                    secret: h.secret,
                    encoding,
                });
            }
        }
    }

    /// CSV/TSV exports: a `password` column header names the values under it, lines away from
    /// the keyword, which line-window rules cannot see. Values pass the same filters as the
    /// password-assignment rule (its allow list, placeholders, entropy), under its id.
    fn csv_hits(&self, data: &[u8], path: &str, out: &mut Vec<Hit>) {
        let lower = path.to_ascii_lowercase();
        let sep = if lower.ends_with(".csv") {
            b','
        } else if lower.ends_with(".tsv") {
            b'\t'
        } else {
            return;
        };
        let Some(rule) = self
            .engine
            .rules()
            .iter()
            .position(|r| r.rule.id == "secrets/generic-password-assignment")
        else {
            return;
        };
        let spec = &self.engine.rules()[rule];
        let mut lines = data.split(|b| *b == b'\n');
        let Some(header) = lines.next() else { return };
        let unquote = |f: &[u8]| -> (usize, usize) {
            let (mut a, mut b) = (0, f.len());
            while a < b && matches!(f[a], b' ' | b'"' | b'\r') {
                a += 1;
            }
            while b > a && matches!(f[b - 1], b' ' | b'"' | b'\r') {
                b -= 1;
            }
            (a, b)
        };
        let Some(col) = header.split(|b| *b == sep).position(|h| {
            let (a, b) = unquote(h);
            let h = h[a..b].to_ascii_lowercase();
            matches!(
                h.as_slice(),
                b"password" | b"passwd" | b"pwd" | b"passphrase"
            ) || h.ends_with(b"_password")
                || h.ends_with(b" password")
        }) else {
            return;
        };
        let mut off = header.len() + 1;
        for row in lines.take(10_000) {
            let start = off;
            off += row.len() + 1;
            let Some(field) = row.split(|b| *b == sep).nth(col) else {
                continue;
            };
            let (a, b) = unquote(field);
            let value = &field[a..b];
            if value.len() < 6 || value.len() > 128 {
                continue;
            }
            let lowered = value.to_ascii_lowercase();
            let field_start = start + (field.as_ptr() as usize - row.as_ptr() as usize) + a;
            let allowed = spec
                .allow
                .iter()
                .any(|w| !w.is_empty() && memchr::memmem::find(&lowered, w).is_some());
            if allowed
                || crate::filter::is_placeholder(value)
                || crate::filter::shannon_entropy(value) < spec.spec.min_entropy.unwrap_or(2.8)
                || (crate::filter::is_docs_path(path) && !crate::filter::looks_generated(value))
            {
                continue;
            }
            out.push(Hit {
                rule,
                span: field_start..field_start + value.len(),
                secret: value.to_vec(),
                encoding: Vec::new(),
            });
        }
    }

    /// Findings for the secrets in `data`, at locations made by `locate` from a region.
    pub fn findings_in(
        &self,
        data: &[u8],
        path: &str,
        locate: &dyn Fn(Region) -> Location,
        line_offset: u32,
        out: &mut Vec<Finding>,
    ) {
        let hits = self.hits(data, path);
        if hits.is_empty() {
            return;
        }
        let lines = LineIndex::new(data);
        for h in hits {
            let mut region = lines.region(data, h.span.clone());
            region.start_line += line_offset;
            region.end_line += line_offset;
            out.push(self.finding(data, &h, locate(region)));
        }
    }

    fn finding(&self, data: &[u8], h: &Hit, location: Location) -> Finding {
        let rule = &self.engine.rules()[h.rule].rule;
        let hash = sensitive_hash(&h.secret);
        let encoding = h.encoding.join("/");
        let message = if encoding.is_empty() {
            format!("{} found", rule.title)
        } else {
            format!("{} found in a {encoding}-encoded value", rule.title)
        };
        let mut f = Finding::new(rule, location, message)
            .with_fingerprint(Fingerprint::from_parts([
                rule.id.as_bytes(),
                hash.as_bytes(),
            ]))
            .with_evidence(evidence(data, h.span.clone()))
            .with_property("secret_hash", hash);
        if !encoding.is_empty() {
            f = f.with_property("encoding", encoding);
        }
        if let Some(endpoints) = &self.validation {
            let v = validate::validate(&h.secret, &rule.id, data, endpoints);
            f = f.with_property("validation", v.as_str());
            if v == Validation::Valid {
                f = f.with_property("validated", true);
            }
        }
        f
    }

    /// Scans a file on disk too big to read whole: overlapping chunks, each match reported by the
    /// chunk that owns its start.
    fn scan_stream(
        &self,
        reader: &mut dyn Read,
        rel: &str,
        out: &mut ScanOutput,
    ) -> std::io::Result<()> {
        let mut buf: Vec<u8> = Vec::with_capacity(CHUNK);
        let mut lines_before: u32 = 0; // newlines before buf[0]
        // Bytes between the start of buf[0]'s line and buf[0]: a chunk can start mid-line, and
        // columns on its first line count from the line's real start.
        let mut column_before: u32 = 0;
        let mut eof = false;
        let mut first = true;
        while !eof {
            // Fill to CHUNK.
            while buf.len() < CHUNK {
                let mut tmp = vec![0u8; (CHUNK - buf.len()).min(1024 * 1024)];
                let n = reader.read(&mut tmp)?;
                if n == 0 {
                    eof = true;
                    break;
                }
                buf.extend_from_slice(&tmp[..n]);
            }
            let own_from = if first { 0 } else { OVERLAP / 2 };
            let own_to = if eof {
                buf.len()
            } else {
                buf.len().saturating_sub(OVERLAP / 2)
            };
            let hits = self.hits(&buf, rel);
            let lines = LineIndex::new(&buf);
            for h in hits
                .into_iter()
                .filter(|h| h.span.start >= own_from && h.span.start < own_to)
            {
                let mut region = lines.region(&buf, h.span.clone());
                if region.start_line == 1 {
                    region.start_column += column_before;
                }
                if region.end_line == 1 {
                    region.end_column += column_before;
                }
                region.start_line += lines_before;
                region.end_line += lines_before;
                let loc = Location::file(rel, Some(region));
                out.push(self.finding(&buf, &h, loc));
            }
            if eof {
                break;
            }
            // Keep the last OVERLAP bytes as the head of the next chunk.
            let keep_from = buf.len().saturating_sub(OVERLAP);
            lines_before += memchr::memchr_iter(b'\n', &buf[..keep_from]).count() as u32;
            column_before = match memchr::memrchr(b'\n', &buf[..keep_from]) {
                Some(nl) => (keep_from - nl - 1) as u32,
                None => column_before.saturating_add(keep_from as u32),
            };
            buf.drain(..keep_from);
            first = false;
        }
        Ok(())
    }

    pub(crate) fn scan_archive_bytes(&self, data: &[u8], rel: &str, out: &mut ScanOutput) {
        let mut visit = |member: &str, bytes: &[u8]| {
            let path = format!("{rel}!{member}");
            let mut found = Vec::new();
            self.findings_in(
                bytes,
                &path,
                &|r| Location::file(path.clone(), Some(r)),
                0,
                &mut found,
            );
            out.findings.extend(found);
        };
        if let Err(e) = archive::walk_archive(rel, data, &mut visit) {
            out.diagnostic(Diagnostic::warning(
                "secrets",
                Some(rel),
                format!("archive not fully scanned: {e}"),
            ));
        }
    }
}

/// The secret's line as evidence, the secret marked sensitive. Non-UTF-8 bytes are shown lossily.
fn evidence(data: &[u8], span: Range<usize>) -> Evidence {
    let line = line_of(data, span.clone());
    let lo = line.start.max(span.start.saturating_sub(160));
    let hi = line.end.min(span.end + 160).max(span.end);
    let mut text = String::new();
    text.push_str(&String::from_utf8_lossy(&data[lo..span.start]));
    let s0 = text.len();
    text.push_str(&String::from_utf8_lossy(&data[span.clone()]));
    let s1 = text.len();
    text.push_str(&String::from_utf8_lossy(&data[span.end..hi]));
    Evidence::with_sensitive(
        text.trim_end_matches(['\r', '\n']).to_string(),
        std::iter::once(s0..s1).collect(),
    )
}

/// Newline offsets of a buffer, for line/column lookups in O(log n).
struct LineIndex {
    newlines: Vec<usize>,
}

impl LineIndex {
    fn new(data: &[u8]) -> Self {
        LineIndex {
            newlines: memchr::memchr_iter(b'\n', data).collect(),
        }
    }

    fn line_col(&self, offset: usize) -> (u32, u32) {
        let idx = self.newlines.partition_point(|&n| n < offset);
        let line_start = if idx == 0 {
            0
        } else {
            self.newlines[idx - 1] + 1
        };
        (idx as u32 + 1, (offset - line_start) as u32 + 1)
    }

    fn region(&self, data: &[u8], r: Range<usize>) -> Region {
        let end = r.end.min(data.len());
        let (start_line, start_column) = self.line_col(r.start.min(end));
        let (end_line, end_column) = self.line_col(end);
        Region {
            start_line,
            start_column,
            end_line,
            end_column,
        }
    }
}

impl Scanner for SecretsScanner {
    fn name(&self) -> &'static str {
        "secrets"
    }

    fn rules(&self) -> Vec<Rule> {
        self.engine.rules().iter().map(|r| r.rule.clone()).collect()
    }

    fn wants(&self, file: &FileInfo<'_>, _ctx: &ScanContext) -> bool {
        if !file.is_binary {
            return true;
        }
        self.archives && archive::is_archive(file.head)
    }

    fn scan_file(&self, _ctx: &ScanContext, file: &FileTarget<'_>, out: &mut ScanOutput) {
        let rel = file.info.rel_path;
        if file.info.is_binary {
            if !(self.archives && archive::is_archive(file.info.head)) {
                return;
            }
            match file.content {
                Some(bytes) => self.scan_archive_bytes(bytes, rel, out),
                None => match std::fs::File::open(file.info.path) {
                    Ok(f) => {
                        let mut visit = |member: &str, bytes: &[u8]| {
                            let path = format!("{rel}!{member}");
                            let mut found = Vec::new();
                            self.findings_in(
                                bytes,
                                &path,
                                &|r| Location::file(path.clone(), Some(r)),
                                0,
                                &mut found,
                            );
                            out.findings.extend(found);
                        };
                        let res = archive::walk_archive_reader(rel, f, file.info.head, &mut visit);
                        if let Err(e) = res {
                            out.diagnostic(Diagnostic::warning(
                                "secrets",
                                Some(rel),
                                format!("archive not fully scanned: {e}"),
                            ));
                        }
                    }
                    Err(e) => out.diagnostic(Diagnostic::error(
                        "secrets",
                        Some(rel),
                        None,
                        format!("cannot open: {e}"),
                    )),
                },
            }
            return;
        }
        match file.content {
            Some(bytes) => {
                let mut found = Vec::new();
                self.findings_in(bytes, rel, &|r| Location::file(rel, Some(r)), 0, &mut found);
                out.findings.extend(found);
            }
            None => {
                let res = std::fs::File::open(file.info.path)
                    .and_then(|mut f| self.scan_stream(&mut f, rel, out));
                if let Err(e) = res {
                    out.diagnostic(Diagnostic::error(
                        "secrets",
                        Some(rel),
                        None,
                        format!("cannot read: {e}"),
                    ));
                }
            }
        }
    }
}

/// Scans a reader in bounded memory (chunks of 8 MiB overlapping by 64 KiB). Exposed for tests and
/// benchmarks; `scan_file` uses it for files the walk did not load.
pub fn scan_reader(
    scanner: &SecretsScanner,
    reader: &mut dyn Read,
    rel: &str,
    out: &mut ScanOutput,
) -> std::io::Result<()> {
    scanner.scan_stream(reader, rel, out)
}
