use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::fingerprint::Fingerprint;
use crate::rule::Rule;
use crate::severity::{Confidence, Severity};

/// A 1-based span in a text file. Columns count bytes from the start of the line, plus one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Region {
    pub start_line: u32,
    pub start_column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Region {
    pub fn line(line: u32) -> Self {
        Region {
            start_line: line,
            start_column: 1,
            end_line: line,
            end_column: 1,
        }
    }

    /// The region covering `range` (byte offsets) of `content`.
    pub fn from_byte_range(content: &[u8], range: Range<usize>) -> Self {
        let (start_line, start_column) = line_col(content, range.start);
        let (end_line, end_column) = line_col(content, range.end.max(range.start));
        Region {
            start_line,
            start_column,
            end_line,
            end_column,
        }
    }
}

/// Line and column (both 1-based) of byte `offset` in `content`.
pub fn line_col(content: &[u8], offset: usize) -> (u32, u32) {
    let offset = offset.min(content.len());
    let before = &content[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |p| p + 1);
    (line as u32, (offset - line_start) as u32 + 1)
}

/// Where a finding is. Paths are relative to the scan root and use `/`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Location {
    /// A span in a file of the scanned tree.
    File {
        path: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        region: Option<Region>,
    },
    /// A package declared in a manifest or lockfile.
    Package {
        manifest: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        line: Option<u32>,
        ecosystem: String,
        name: String,
        version: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        purl: Option<String>,
    },
    /// A file inside a container image layer.
    Image {
        image: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        layer: Option<String>,
        path: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        line: Option<u32>,
    },
    /// A URL (and parameter) of a running application.
    Url {
        url: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        method: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parameter: Option<String>,
    },
    /// A file as it was in a git commit.
    Git {
        commit: String,
        path: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        region: Option<Region>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        author: Option<String>,
        /// RFC 3339 timestamp of the commit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<String>,
    },
}

impl Location {
    pub fn file(path: impl Into<String>, region: Option<Region>) -> Self {
        Location::File {
            path: path.into(),
            region,
        }
    }

    /// Where this location is once its file is known to come from a container image layer
    /// (`layer` is the layer digest; `None` for the image config). A file span becomes
    /// [`Location::Image`] keeping its line; a package keeps its [`Location::Package`] form (its
    /// manifest is the path inside the image) since its name and version are what it is about;
    /// locations that are not files are returned unchanged.
    pub fn in_image(self, image: &str, layer: Option<&str>) -> Location {
        match self {
            Location::File { path, region } => Location::Image {
                image: image.to_string(),
                layer: layer.map(str::to_string),
                path,
                line: region.map(|r| r.start_line),
            },
            other => other,
        }
    }

    /// The file path this location points at, for those that have one.
    pub fn path(&self) -> Option<&str> {
        match self {
            Location::File { path, .. } | Location::Git { path, .. } => Some(path),
            Location::Package { manifest, .. } => Some(manifest),
            Location::Image { path, .. } => Some(path),
            Location::Url { .. } => None,
        }
    }

    pub fn region(&self) -> Option<Region> {
        match self {
            Location::File { region, .. } | Location::Git { region, .. } => *region,
            Location::Package { line: Some(l), .. } | Location::Image { line: Some(l), .. } => {
                Some(Region::line(*l))
            }
            _ => None,
        }
    }

    pub fn start_line(&self) -> Option<u32> {
        self.region().map(|r| r.start_line)
    }

    /// A one-line human form: `src/app.py:12:5`, `Cargo.lock (serde@1.0.0)`, `https://x/?q`.
    pub fn display(&self) -> String {
        match self {
            Location::File { path, region } => match region {
                Some(r) => format!("{path}:{}:{}", r.start_line, r.start_column),
                None => path.clone(),
            },
            Location::Package {
                manifest,
                line,
                name,
                version,
                ..
            } => match line {
                Some(l) => format!("{manifest}:{l} ({name}@{version})"),
                None => format!("{manifest} ({name}@{version})"),
            },
            Location::Image {
                image, layer, path, ..
            } => match layer {
                Some(layer) => format!("{image} [{}] {path}", short(layer)),
                None => format!("{image} {path}"),
            },
            Location::Url {
                url,
                method,
                parameter,
            } => {
                let mut s = String::new();
                if let Some(m) = method {
                    s.push_str(m);
                    s.push(' ');
                }
                s.push_str(url);
                if let Some(p) = parameter {
                    s.push_str(&format!(" [{p}]"));
                }
                s
            }
            Location::Git {
                commit,
                path,
                region,
                ..
            } => match region {
                Some(r) => format!("{}:{path}:{}", short(commit), r.start_line),
                None => format!("{}:{path}", short(commit)),
            },
        }
    }
}

fn short(s: &str) -> &str {
    let s = s.strip_prefix("sha256:").unwrap_or(s);
    &s[..s.len().min(12)]
}

/// A snippet of the matched source, with the byte ranges that hold sensitive values (secrets) so
/// every output format can redact them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensitive: Vec<Range<usize>>,
}

impl Evidence {
    pub fn plain(text: impl Into<String>) -> Self {
        Evidence {
            text: text.into(),
            sensitive: Vec::new(),
        }
    }

    /// Evidence whose `sensitive` ranges (byte offsets into `text`) must be redacted on output.
    pub fn with_sensitive(text: impl Into<String>, sensitive: Vec<Range<usize>>) -> Self {
        Evidence {
            text: text.into(),
            sensitive,
        }
    }

    /// The text as outputs print it: sensitive ranges redacted unless `show_secrets`.
    pub fn render(&self, show_secrets: bool) -> String {
        if show_secrets || self.sensitive.is_empty() {
            return self.text.clone();
        }
        let mut ranges: Vec<Range<usize>> = self
            .sensitive
            .iter()
            .filter(|r| r.start <= r.end && r.end <= self.text.len())
            .filter(|r| self.text.is_char_boundary(r.start) && self.text.is_char_boundary(r.end))
            .cloned()
            .collect();
        ranges.sort_by_key(|r| r.start);
        let mut out = String::with_capacity(self.text.len());
        let mut pos = 0;
        for r in ranges {
            if r.start < pos {
                continue;
            }
            out.push_str(&self.text[pos..r.start]);
            out.push_str(&redact(&self.text[r.clone()]));
            pos = r.end;
        }
        out.push_str(&self.text[pos..]);
        out
    }

    /// The evidence with redaction applied, for storing in outputs.
    pub fn redacted(&self, show_secrets: bool) -> Evidence {
        Evidence {
            text: self.render(show_secrets),
            sensitive: Vec::new(),
        }
    }
}

/// Redacts a secret to a few leading and trailing characters: `ghp_…Xy12`. Short values are
/// fully masked, so nothing useful of a short secret is ever printed.
pub fn redact(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    let n = chars.len();
    if n < 12 {
        return "*".repeat(n.clamp(3, 8));
    }
    let keep = if n >= 32 { 4 } else { 2 };
    let head: String = chars[..keep].iter().collect();
    let tail: String = chars[n - keep..].iter().collect();
    format!("{head}…{tail}")
}

/// How a finding was suppressed. Suppressed findings stay in JSON and SARIF output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuppressionKind {
    /// A comment in the source (`rampart:ignore[...]`, `# nosec`, `gitleaks:allow`, ...).
    Inline,
    /// An `[[ignore]]` entry of `rampart.toml`.
    Config,
    /// Present in the baseline given with `--baseline`.
    Baseline,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    pub kind: SuppressionKind,
    /// The marker or entry that matched, e.g. `# nosec` or `rampart.toml ignore[2]`.
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

/// One result of one rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule_id: String,
    pub scanner: String,
    pub severity: Severity,
    pub confidence: Confidence,
    pub title: String,
    pub message: String,
    /// At least one; the first is the primary location. A secret found in several files is one
    /// finding with every location.
    pub locations: Vec<Location>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cwe: Vec<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owasp: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owasp_llm: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ssdf: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub remediation: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    pub fingerprint: Fingerprint,
    /// Scanner-specific facts: advisory ids, fixed version, dependency path, secret encoding,
    /// validation status, resolved pickle call, taint trace...
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub properties: BTreeMap<String, serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Suppression>,
}

impl Finding {
    /// A finding of `rule` at `location`, with the rule's metadata copied in. The fingerprint
    /// defaults to rule + path; scanners set a better one with [`Finding::with_fingerprint`].
    pub fn new(rule: &Rule, location: Location, message: impl Into<String>) -> Self {
        let fingerprint = Fingerprint::from_parts([
            rule.id.as_bytes(),
            location.path().unwrap_or_default().as_bytes(),
        ]);
        Finding {
            rule_id: rule.id.clone(),
            scanner: rule.scanner.clone(),
            severity: rule.severity,
            confidence: rule.confidence,
            title: rule.title.clone(),
            message: message.into(),
            locations: vec![location],
            cwe: rule.cwe.clone(),
            owasp: rule.owasp.clone(),
            owasp_llm: rule.owasp_llm.clone(),
            ssdf: rule.ssdf.clone(),
            remediation: rule.remediation.clone(),
            references: rule.references.clone(),
            evidence: None,
            fingerprint,
            properties: BTreeMap::new(),
            suppression: None,
        }
    }

    pub fn with_fingerprint(mut self, fp: Fingerprint) -> Self {
        self.fingerprint = fp;
        self
    }

    pub fn with_evidence(mut self, evidence: Evidence) -> Self {
        self.evidence = Some(evidence);
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn with_confidence(mut self, confidence: Confidence) -> Self {
        self.confidence = confidence;
        self
    }

    pub fn with_remediation(mut self, remediation: impl Into<String>) -> Self {
        self.remediation = remediation.into();
        self
    }

    pub fn with_property(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        self.properties.insert(key.to_string(), value.into());
        self
    }

    pub fn primary_location(&self) -> &Location {
        &self.locations[0]
    }

    pub fn is_suppressed(&self) -> bool {
        self.suppression.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        let text = b"ab\ncd\nef";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 4), (2, 2));
        assert_eq!(line_col(text, 100), (3, 3));
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn evidence_redacts_unless_asked() {
        let text = "token = ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        let start = text.find("ghp_").unwrap();
        let ev = Evidence::with_sensitive(text, vec![start..text.len()]);
        let shown = ev.render(false);
        assert!(!shown.contains("abcdefghijklmnop"), "{shown}");
        assert!(shown.starts_with("token = ghp_"));
        assert!(shown.ends_with("6789"));
        assert_eq!(ev.render(true), text);
    }

    #[test]
    fn file_locations_move_into_the_image_and_packages_stay() {
        let file = Location::file("etc/app.env", Some(Region::line(3)));
        assert_eq!(
            file.in_image("reg/app:1", Some("sha256:abc")),
            Location::Image {
                image: "reg/app:1".into(),
                layer: Some("sha256:abc".into()),
                path: "etc/app.env".into(),
                line: Some(3),
            }
        );
        let pkg = Location::Package {
            manifest: "var/lib/dpkg/status".into(),
            line: Some(10),
            ecosystem: "Debian".into(),
            name: "zlib1g".into(),
            version: "1.2".into(),
            purl: None,
        };
        assert_eq!(pkg.clone().in_image("reg/app:1", None), pkg);
    }

    #[test]
    fn short_secrets_are_fully_masked() {
        assert_eq!(redact("hunter2"), "*******");
        assert!(!redact("abcdefghijkl").contains("cdefghij"));
    }

    #[test]
    #[allow(clippy::reversed_empty_ranges)]
    fn out_of_range_sensitive_spans_do_not_panic() {
        let ev = Evidence::with_sensitive("héllo", vec![1..2, 0..99, 3..1]);
        let _ = ev.render(false);
    }
}
