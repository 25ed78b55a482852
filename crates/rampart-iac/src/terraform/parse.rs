//! Reading one Terraform file: HCL (`.tf`, `.tfvars`) or JSON (`.tfvars.json`).

use hcl_edit::structure::Body;

use super::TerraformError;

/// Largest Terraform source file parsed; real ones are a few hundred KiB at most.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// What a file is, decided from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `*.tf`: configuration.
    Config,
    /// `*.tfvars`: variable values in HCL.
    Vars,
    /// `*.tfvars.json`: variable values in JSON.
    VarsJson,
}

impl FileKind {
    /// The kind of a file by its name, or `None` when it is not a Terraform source.
    pub fn of(path: &str) -> Option<FileKind> {
        let name = path.rsplit('/').next().unwrap_or(path);
        if name.ends_with(".tfvars.json") {
            Some(FileKind::VarsJson)
        } else if name.ends_with(".tfvars") {
            Some(FileKind::Vars)
        } else if name.ends_with(".tf") {
            Some(FileKind::Config)
        } else {
            None
        }
    }
}

/// One parsed file; cheap to keep around until its module is evaluated.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    /// Relative to the scan root, `/`-separated.
    pub path: String,
    pub kind: FileKind,
    pub(crate) source: String,
    pub(crate) body: Body,
    /// Only for `*.tfvars.json`.
    pub(crate) json: Option<serde_json::Value>,
    line_starts: Vec<usize>,
}

impl ParsedFile {
    /// 1-based line of a byte offset in the source.
    pub(crate) fn line_at(&self, offset: usize) -> u32 {
        line_at(&self.line_starts, offset)
    }

    /// 1-based first and last line of a span.
    pub(crate) fn lines_of(&self, span: Option<std::ops::Range<usize>>) -> (u32, u32) {
        match span {
            Some(r) => (
                self.line_at(r.start),
                self.line_at(r.end.saturating_sub(1).max(r.start)),
            ),
            None => (1, 1),
        }
    }

    /// The source text of a span (empty when out of range, which the parser never produces).
    pub(crate) fn text(&self, span: Option<std::ops::Range<usize>>) -> &str {
        span.and_then(|r| self.source.get(r)).unwrap_or("")
    }

    /// A template file read by `templatefile()`, so unknowns in it can name their source.
    pub(crate) fn from_template_source(path: &str, source: String) -> ParsedFile {
        let line_starts = line_starts(&source);
        ParsedFile {
            path: path.to_string(),
            kind: FileKind::Config,
            source,
            body: Body::new(),
            json: None,
            line_starts,
        }
    }

    /// The file's directory relative to the scan root (`""` for the root itself).
    pub fn dir(&self) -> &str {
        self.path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
    }
}

pub(crate) fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(memchr_iter_newlines(source.as_bytes()).map(|i| i + 1))
        .collect()
}

fn memchr_iter_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i)
}

pub(crate) fn line_at(starts: &[usize], offset: usize) -> u32 {
    let idx = match starts.binary_search(&offset) {
        Ok(i) => i,
        Err(i) => i.saturating_sub(1),
    };
    u32::try_from(idx + 1).unwrap_or(u32::MAX)
}

/// Parses one Terraform file. `rel_path` names the file in errors and decides its kind
/// (`.tf`, `.tfvars`, `.tfvars.json`; anything else is read as `.tf`).
pub fn parse_file(rel_path: &str, bytes: &[u8]) -> Result<ParsedFile, TerraformError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(TerraformError::TooLarge {
            path: rel_path.to_string(),
            size: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let kind = FileKind::of(rel_path).unwrap_or(FileKind::Config);
    let source = match std::str::from_utf8(bytes) {
        Ok(s) => s.strip_prefix('\u{feff}').unwrap_or(s).to_string(),
        Err(e) => {
            let starts = line_starts(&String::from_utf8_lossy(&bytes[..e.valid_up_to()]));
            return Err(TerraformError::NotUtf8 {
                path: rel_path.to_string(),
                line: u32::try_from(starts.len()).unwrap_or(u32::MAX),
            });
        }
    };
    let line_starts = line_starts(&source);
    if kind == FileKind::VarsJson {
        let json: serde_json::Value =
            serde_json::from_str(&source).map_err(|e| TerraformError::Syntax {
                path: rel_path.to_string(),
                line: u32::try_from(e.line()).unwrap_or(u32::MAX).max(1),
                message: e.to_string(),
            })?;
        return Ok(ParsedFile {
            path: rel_path.to_string(),
            kind,
            source,
            body: Body::new(),
            json: Some(json),
            line_starts,
        });
    }
    let body = hcl_edit::parser::parse_body(&source).map_err(|e| TerraformError::Syntax {
        path: rel_path.to_string(),
        line: u32::try_from(e.location().line())
            .unwrap_or(u32::MAX)
            .max(1),
        message: e.message().to_string(),
    })?;
    Ok(ParsedFile {
        path: rel_path.to_string(),
        kind,
        source,
        body,
        json: None,
        line_starts,
    })
}
