//! Passive checks on every discovery response (ZAP-baseline parity). Findings are
//! de-duplicated per rule and site (headers), cookie name, header value or path, so one missing
//! header is one finding with a few example URLs, not one per page.

use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use rampart_core::{Finding, Location};
use regex::{Regex, RegexSet};
use sha2::{Digest, Sha256};
use url::Url;

use crate::findings::{evidence, site_finding, url_finding};
use crate::http::{Request, Response};

/// Examples kept per de-duplicated finding.
const MAX_LOCATIONS: usize = 5;
/// Bodies handed to the response inspector, at most (distinct bodies only).
const MAX_INSPECTED: usize = 5_000;

/// The hook through which the binary lets another scanner (rampart-secrets) look at response
/// bodies without this crate depending on it.
pub trait ResponseInspector: Send + Sync {
    /// Rules the inspector may report, for the registry.
    fn rules(&self) -> Vec<rampart_core::Rule>;
    /// Findings in one response body; their locations are replaced by the URL.
    fn inspect(&self, url: &str, content_type: &str, body: &[u8]) -> Vec<Finding>;
}

#[derive(Default)]
struct State {
    findings: BTreeMap<String, Finding>,
    inspected: HashSet<[u8; 32]>,
}

pub struct Passive {
    state: Mutex<State>,
    inspector: Option<Arc<dyn ResponseInspector>>,
}

fn stack_traces() -> &'static RegexSet {
    static RE: OnceLock<RegexSet> = OnceLock::new();
    RE.get_or_init(|| {
        RegexSet::new([
            r"Traceback \(most recent call last\):",
            r"The debugger caught an exception in your WSGI application|Werkzeug Debugger",
            r"You're seeing this error because you have <code>DEBUG = True</code>",
            r"\n\s+at [\w.$<>\[\] ]+ \((?:/|[A-Za-z]:\\)[^)\n]+\.[cm]?js:\d+:\d+\)",
            r"Action Controller: Exception caught|ActionView::Template::Error",
            r"\n\s*at (?:java|javax|jakarta|org|com)\.[\w.$]+\(\w+\.java:\d+\)",
            r"<b>(?:Fatal error|Parse error|Warning)</b>:.{0,300} on line <b>\d+</b>",
            r"Server Error in '/[^']*' Application",
        ])
        .expect("static regexes")
    })
}

const TRACE_NAMES: &[&str] = &[
    "Python traceback",
    "Werkzeug debugger",
    "Django debug page",
    "Node.js stack trace",
    "Rails error page",
    "Java stack trace",
    "PHP error",
    "ASP.NET error page",
];

fn re(pattern: &'static str, cell: &'static OnceLock<Regex>) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("static regex"))
}

static VERSION: OnceLock<Regex> = OnceLock::new();
static DIR_LISTING: OnceLock<Regex> = OnceLock::new();
static PASSWORD_INPUT: OnceLock<Regex> = OnceLock::new();
static MIXED: OnceLock<Regex> = OnceLock::new();
static CSP_META: OnceLock<Regex> = OnceLock::new();

impl Passive {
    pub fn new(inspector: Option<Arc<dyn ResponseInspector>>) -> Self {
        Passive {
            state: Mutex::new(State::default()),
            inspector,
        }
    }

    pub fn findings(&self) -> Vec<Finding> {
        self.state
            .lock()
            .map(|s| s.findings.values().cloned().collect())
            .unwrap_or_default()
    }

    fn add(&self, key: String, f: Finding) {
        let Ok(mut s) = self.state.lock() else { return };
        match s.findings.get_mut(&key) {
            Some(existing) => {
                let loc = f.locations[0].clone();
                if existing.locations.len() < MAX_LOCATIONS && !existing.locations.contains(&loc) {
                    existing.locations.push(loc);
                }
            }
            None => {
                s.findings.insert(key, f);
            }
        }
    }

    pub fn observe(&self, req: &Request, resp: &Response) {
        let url = &resp.url;
        let origin = url.origin().ascii_serialization();
        let https = url.scheme() == "https";
        let ok = (200..300).contains(&resp.status);
        let html = resp.is_html();
        let header_ev = || evidence(resp.describe(None), &[]);
        let csp = resp
            .header("content-security-policy")
            .map(str::to_ascii_lowercase);
        let text = resp.text();
        if ok && html {
            let meta_csp = re(
                r#"(?i)<meta[^>]+http-equiv\s*=\s*["']?content-security-policy"#,
                &CSP_META,
            )
            .is_match(&text);
            match &csp {
                None if !meta_csp => self.add(
                    format!("csp-missing {origin}"),
                    site_finding(
                        "dast/csp-missing",
                        url,
                        "",
                        "HTML page without a Content-Security-Policy".into(),
                        header_ev(),
                    ),
                ),
                Some(policy) => {
                    if let Some(problem) = csp_problem(policy) {
                        self.add(
                            format!("csp-unsafe {origin} {policy}"),
                            site_finding(
                                "dast/csp-unsafe",
                                url,
                                policy,
                                format!("Content-Security-Policy {problem}: `{policy}`"),
                                header_ev(),
                            ),
                        );
                    }
                }
                None => {}
            }
            let frame_ok = resp.header("x-frame-options").is_some()
                || csp
                    .as_deref()
                    .is_some_and(|c| c.contains("frame-ancestors"));
            if !frame_ok {
                self.add(
                    format!("frame {origin}"),
                    site_finding(
                        "dast/frame-protection-missing",
                        url,
                        "",
                        "HTML page without X-Frame-Options or CSP frame-ancestors".into(),
                        header_ev(),
                    ),
                );
            }
            if re(
                r#"(?i)<input[^>]+type\s*=\s*["']?password"#,
                &PASSWORD_INPUT,
            )
            .is_match(&text)
            {
                let cc = resp
                    .header("cache-control")
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if !(cc.contains("no-store") || cc.contains("no-cache") || cc.contains("private")) {
                    self.add(
                        format!("cache {}", url.path()),
                        url_finding(
                            "dast/cacheable-sensitive-page",
                            "GET",
                            url,
                            None,
                            "Page with a password field has no Cache-Control: no-store",
                            header_ev(),
                        ),
                    );
                }
            }
            if https {
                let mixed = re(
                    r#"(?i)<(?:script|link|iframe|img|audio|video|source|embed|object)\b[^>]*?\b(?:src|href|data)\s*=\s*["']?(http://[^"'\s>]+)"#,
                    &MIXED,
                );
                if let Some(c) = mixed.captures(&text) {
                    let m = c.get(1).map(|m| m.as_str()).unwrap_or_default();
                    self.add(
                        format!("mixed {}", url.path()),
                        url_finding(
                            "dast/mixed-content",
                            "GET",
                            url,
                            None,
                            format!("HTTPS page loads {m} over plain HTTP"),
                            evidence(resp.describe(Some(m)), &[]),
                        ),
                    );
                }
            }
        }
        if ok
            && !resp.body.is_empty()
            && resp
                .header("x-content-type-options")
                .is_none_or(|v| !v.eq_ignore_ascii_case("nosniff"))
        {
            self.add(
                format!("xcto {origin}"),
                site_finding(
                    "dast/x-content-type-options-missing",
                    url,
                    "",
                    "Response without X-Content-Type-Options: nosniff".into(),
                    header_ev(),
                ),
            );
        }
        if https && resp.header("strict-transport-security").is_none() {
            self.add(
                format!("hsts {origin}"),
                site_finding(
                    "dast/hsts-missing",
                    url,
                    "",
                    "HTTPS response without Strict-Transport-Security".into(),
                    header_ev(),
                ),
            );
        }
        for sc in resp.headers_named("set-cookie") {
            let first = sc.split(';').next().unwrap_or_default();
            let Some((name, value)) = first.split_once('=') else {
                continue;
            };
            if value.trim().is_empty() {
                continue;
            }
            let name = name.trim();
            let attrs: Vec<String> = sc
                .split(';')
                .skip(1)
                .map(|a| a.trim().to_ascii_lowercase())
                .collect();
            let has = |a: &str| {
                attrs
                    .iter()
                    .any(|x| x == a || x.starts_with(&format!("{a}=")))
            };
            let check = |rule: &str, missing: bool, what: &str| {
                if missing {
                    self.add(
                        format!("{rule} {origin} {name}"),
                        site_finding(
                            rule,
                            url,
                            name,
                            format!("Cookie `{name}` is set without {what}"),
                            header_ev(),
                        ),
                    );
                }
            };
            check("dast/cookie-no-httponly", !has("httponly"), "HttpOnly");
            check("dast/cookie-no-samesite", !has("samesite"), "SameSite");
            check("dast/cookie-no-secure", https && !has("secure"), "Secure");
        }
        for h in [
            "server",
            "x-powered-by",
            "x-aspnet-version",
            "x-aspnetmvc-version",
            "x-generator",
            "x-runtime-version",
        ] {
            if let Some(v) = resp.header(h)
                && re(r"[A-Za-z][\w.\-]*/?\s*v?\d+\.\d+", &VERSION).is_match(v)
            {
                self.add(
                    format!("version {origin} {h} {v}"),
                    site_finding(
                        "dast/version-disclosure",
                        url,
                        &format!("{h}: {v}"),
                        format!("`{h}: {v}` names the software and its version"),
                        header_ev(),
                    ),
                );
            }
        }
        let matches = stack_traces().matches(&text);
        if let Some(i) = matches.iter().next() {
            self.add(
                format!("trace {}", url.path()),
                url_finding(
                    "dast/stack-trace",
                    &req.method,
                    url,
                    None,
                    format!("{} in the response", TRACE_NAMES[i]),
                    evidence(resp.describe(Some(trace_anchor(i))), &[]),
                ),
            );
        }
        if ok
            && html
            && re(
                r"(?i)<title>\s*(Index of /|Directory listing for /)",
                &DIR_LISTING,
            )
            .is_match(&text)
        {
            self.add(
                format!("listing {}", url.path()),
                url_finding(
                    "dast/directory-listing",
                    "GET",
                    url,
                    None,
                    "The server lists the directory's files",
                    evidence(resp.describe(None), &[]),
                ),
            );
        }
        self.inspect_body(url, resp);
    }

    fn inspect_body(&self, url: &Url, resp: &Response) {
        let Some(inspector) = &self.inspector else {
            return;
        };
        if resp.body.is_empty() {
            return;
        }
        let digest: [u8; 32] = Sha256::digest(&resp.body).into();
        {
            let Ok(mut s) = self.state.lock() else { return };
            if s.inspected.len() >= MAX_INSPECTED || !s.inspected.insert(digest) {
                return;
            }
        }
        for mut f in inspector.inspect(url.as_str(), resp.content_type(), &resp.body) {
            f.locations = vec![Location::Url {
                url: url.to_string(),
                method: Some("GET".into()),
                parameter: None,
            }];
            let key = format!("inspector {} {}", f.rule_id, f.fingerprint);
            self.add(key, f);
        }
    }
}

fn trace_anchor(i: usize) -> &'static str {
    [
        "Traceback",
        "debugger",
        "DEBUG",
        "    at ",
        "Action",
        "\tat ",
        "Fatal",
        "Server Error",
    ][i]
}

/// What makes a policy weak, if anything.
fn csp_problem(policy: &str) -> Option<&'static str> {
    let directive = |name: &str| {
        policy
            .split(';')
            .map(str::trim)
            .find(|d| d.split_whitespace().next() == Some(name))
            .map(str::to_string)
    };
    let script = directive("script-src").or_else(|| directive("default-src"))?;
    let sources: Vec<&str> = script.split_whitespace().skip(1).collect();
    let has_nonce = sources
        .iter()
        .any(|s| s.starts_with("'nonce-") || s.starts_with("'sha"));
    if sources.contains(&"'unsafe-inline'") && !has_nonce {
        Some("allows 'unsafe-inline' scripts")
    } else if sources.contains(&"'unsafe-eval'") {
        Some("allows 'unsafe-eval'")
    } else if sources
        .iter()
        .any(|s| *s == "*" || *s == "http:" || *s == "https:" || *s == "data:")
    {
        Some("allows scripts from any host")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_judgement() {
        assert!(csp_problem("default-src 'self'").is_none());
        assert!(csp_problem("default-src 'self'; script-src 'self' 'unsafe-inline'").is_some());
        assert!(csp_problem("script-src 'nonce-abc' 'unsafe-inline'").is_none());
        assert!(csp_problem("default-src *").is_some());
        assert!(csp_problem("img-src *").is_none());
    }

    #[test]
    fn trace_patterns() {
        let m = stack_traces();
        assert!(m.is_match("Traceback (most recent call last):\n  File"));
        assert!(m.is_match("Error: x\n    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)"));
        assert!(m.is_match("java.lang.NullPointerException\n\tat com.acme.Foo.bar(Foo.java:12)"));
        assert!(!m.is_match("everything is fine at home (really)"));
    }
}
