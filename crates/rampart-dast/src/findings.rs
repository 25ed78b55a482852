//! Building findings: location, fingerprint, evidence with its sensitive ranges.

use std::ops::Range;

use rampart_core::{Confidence, Evidence, Finding, Fingerprint, Location};
use url::Url;

use crate::rules::rule;

/// Values of these headers are credentials; evidence always marks them sensitive.
const SECRET_HEADERS: &[&str] = &[
    "set-cookie:",
    "cookie:",
    "authorization:",
    "x-api-key:",
    "proxy-authorization:",
];

/// Evidence text with credential header values and `extra` substrings marked sensitive.
pub fn evidence(text: String, extra: &[&str]) -> Evidence {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let lower = line.to_ascii_lowercase();
        for h in SECRET_HEADERS {
            if lower.starts_with(h) {
                let start = offset + h.len();
                let value = line[h.len()..].trim_end();
                let lead = value.len() - value.trim_start().len();
                // For Set-Cookie keep the name visible: `name=<redacted>; attrs`.
                let v = value.trim_start();
                let (skip, len) = match v.split_once('=') {
                    Some((name, rest)) if h.contains("cookie") => (
                        name.len() + 1,
                        rest.split(';').next().unwrap_or_default().len(),
                    ),
                    _ => (0, v.len()),
                };
                if len > 0 {
                    ranges.push(start + lead + skip..start + lead + skip + len);
                }
            }
        }
        offset += line.len();
    }
    for s in extra.iter().filter(|s| !s.is_empty()) {
        let mut from = 0;
        while let Some(pos) = text[from..].find(s) {
            ranges.push(from + pos..from + pos + s.len());
            from += pos + s.len();
        }
    }
    Evidence::with_sensitive(text, ranges)
}

/// A finding of DAST rule `rule_id` at `method url [parameter]`.
pub fn url_finding(
    rule_id: &str,
    method: &str,
    url: &Url,
    parameter: Option<&str>,
    message: impl Into<String>,
    evidence: Evidence,
) -> Finding {
    let r = rule(rule_id);
    let mut bare = url.clone();
    bare.set_query(None);
    bare.set_fragment(None);
    let fp = Fingerprint::from_parts([
        r.id.as_bytes(),
        method.as_bytes(),
        bare.as_str().as_bytes(),
        parameter.unwrap_or_default().as_bytes(),
    ]);
    Finding::new(
        r,
        Location::Url {
            url: url.to_string(),
            method: Some(method.to_string()),
            parameter: parameter.map(str::to_string),
        },
        message,
    )
    .with_fingerprint(fp)
    .with_evidence(evidence)
}

/// A finding whose fingerprint is per site (origin), for site-wide header problems.
pub fn site_finding(rule_id: &str, url: &Url, key: &str, message: String, ev: Evidence) -> Finding {
    let r = rule(rule_id);
    let fp = Fingerprint::from_parts([
        r.id.as_bytes(),
        url.origin().ascii_serialization().as_bytes(),
        key.as_bytes(),
    ]);
    Finding::new(
        r,
        Location::Url {
            url: url.to_string(),
            method: Some("GET".into()),
            parameter: None,
        },
        message,
    )
    .with_fingerprint(fp)
    .with_evidence(ev)
}

pub fn with_confidence(f: Finding, c: Confidence) -> Finding {
    f.with_confidence(c)
}
