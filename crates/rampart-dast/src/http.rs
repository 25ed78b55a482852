//! The HTTP engine. Every request rampart sends goes through [`Engine::send`], which checks the
//! scope on every hop (redirects are followed here, never by the client library), enforces the
//! request and time budgets, the concurrency and rate limits, and keeps the cookie jar.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;
use url::Url;

use crate::error::DastError;
use crate::scope::{Refusal, Scope};

const MAX_REDIRECTS: usize = 8;
/// URLs remembered after a refusal, for the report and the scope test; enough to show a pattern.
const MAX_REFUSALS_KEPT: usize = 500;

#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub url: Url,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    /// Follow redirects (each hop scope-checked). Probes for open redirects turn this off.
    pub follow: bool,
    /// Run the passive checks on the response (discovery traffic; not attack traffic).
    pub passive: bool,
    pub timeout: Option<Duration>,
    /// Send without the --header values and without cookies (probes for unauthenticated APIs).
    pub anonymous: bool,
}

impl Request {
    pub fn new(method: &str, url: Url) -> Self {
        Request {
            method: method.to_string(),
            url,
            headers: Vec::new(),
            body: None,
            follow: true,
            passive: false,
            timeout: None,
            anonymous: false,
        }
    }

    pub fn get(url: Url) -> Self {
        Self::new("GET", url)
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    pub fn body(mut self, content_type: &str, body: Vec<u8>) -> Self {
        self.headers
            .push(("Content-Type".to_string(), content_type.to_string()));
        self.body = Some(body);
        self
    }

    pub fn form(self, pairs: &[(String, String)]) -> Self {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        self.body("application/x-www-form-urlencoded", body.into_bytes())
    }

    pub fn no_follow(mut self) -> Self {
        self.follow = false;
        self
    }

    pub fn passive(mut self) -> Self {
        self.passive = true;
        self
    }

    /// The request line, headers and a bounded body, as evidence.
    pub fn describe(&self) -> String {
        let mut s = format!("{} {}\n", self.method, self.url);
        for (k, v) in &self.headers {
            s.push_str(&format!("{k}: {v}\n"));
        }
        if let Some(b) = &self.body {
            s.push('\n');
            s.push_str(&excerpt(&String::from_utf8_lossy(b), 0, 600));
            s.push('\n');
        }
        s
    }
}

#[derive(Debug, Clone)]
pub struct Response {
    /// The URL that produced this response (after redirects).
    pub url: Url,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub elapsed: Duration,
    pub truncated: bool,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }

    pub fn content_type(&self) -> &str {
        self.header("content-type").unwrap_or("")
    }

    pub fn is_html(&self) -> bool {
        let ct = self.content_type().to_ascii_lowercase();
        ct.contains("html") || (ct.is_empty() && self.text().trim_start().starts_with('<'))
    }

    pub fn is_redirect(&self) -> bool {
        matches!(self.status, 301 | 302 | 303 | 307 | 308)
    }

    /// Status line, headers and a body excerpt around `needle` (or the start), as evidence.
    pub fn describe(&self, needle: Option<&str>) -> String {
        let mut s = format!("HTTP {}\n", self.status);
        for (k, v) in &self.headers {
            s.push_str(&format!("{k}: {v}\n"));
        }
        let text = self.text();
        let at = needle.and_then(|n| text.find(n)).unwrap_or(0);
        s.push('\n');
        s.push_str(&excerpt(&text, at, 400));
        s
    }
}

/// Up to `len` bytes of `text` around byte offset `at`, on character boundaries.
pub fn excerpt(text: &str, at: usize, len: usize) -> String {
    let mut start = at.saturating_sub(len / 3).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut s = String::new();
    if start > 0 {
        s.push('…');
    }
    s.push_str(&text[start..end]);
    if end < text.len() {
        s.push('…');
    }
    s
}

/// Limits of one scan.
#[derive(Debug, Clone)]
pub struct Limits {
    pub max_requests: u64,
    pub max_time: Duration,
    pub concurrency: usize,
    /// Requests per second; 0 = unlimited.
    pub rate: f64,
    pub timeout: Duration,
    pub max_body: usize,
    pub accept_invalid_certs: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_requests: 20_000,
            max_time: Duration::from_secs(1800),
            concurrency: 8,
            rate: 0.0,
            timeout: Duration::from_secs(20),
            max_body: 2 * 1024 * 1024,
            accept_invalid_certs: false,
        }
    }
}

/// Cookies by host. Path and expiry attributes are ignored on purpose: the scan is short and stays
/// on one site, and sending a cookie to more paths of the same host only helps coverage.
#[derive(Debug, Default)]
pub struct CookieJar {
    by_host: BTreeMap<String, BTreeMap<String, String>>,
}

impl CookieJar {
    pub fn store(&mut self, url: &Url, set_cookie: &str) {
        let host = url.host_str().unwrap_or_default().to_string();
        let first = set_cookie.split(';').next().unwrap_or_default();
        let Some((name, value)) = first.split_once('=') else {
            return;
        };
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let lower = set_cookie.to_ascii_lowercase();
        let expired = lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970");
        let cookies = self.by_host.entry(host).or_default();
        if expired {
            cookies.remove(name);
        } else {
            cookies.insert(name.to_string(), value.trim().to_string());
        }
    }

    pub fn header_for(&self, url: &Url) -> Option<String> {
        let cookies = self.by_host.get(url.host_str().unwrap_or_default())?;
        if cookies.is_empty() {
            return None;
        }
        Some(
            cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; "),
        )
    }

    pub fn clear(&mut self) {
        self.by_host.clear();
    }
}

pub type Observer = Box<dyn Fn(&Request, &Response) + Send + Sync>;
pub type ProgressFn = Arc<dyn Fn(u64, &str) + Send + Sync>;

/// Re-establishes a session when a response shows it was lost.
pub trait SessionKeeper: Send + Sync {
    /// True when `resp` to `req` means the session is gone (redirect to the login page, 401).
    fn session_lost(&self, req: &Request, resp: &Response) -> bool;
    /// Logs in again. Gets the engine to send its requests.
    fn relogin<'a>(
        &'a self,
        engine: &'a Engine,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), DastError>> + Send + 'a>>;
}

pub struct Engine {
    client: reqwest::Client,
    pub scope: Scope,
    limits: Limits,
    permits: Semaphore,
    sent: AtomicU64,
    started: Instant,
    next_slot: tokio::sync::Mutex<Instant>,
    jar: Mutex<CookieJar>,
    extra_headers: Vec<(String, String)>,
    refused: Mutex<Vec<String>>,
    refused_count: AtomicU64,
    observer: Option<Observer>,
    progress: Option<ProgressFn>,
    keeper: Mutex<Option<Arc<dyn SessionKeeper>>>,
    relogins: AtomicU64,
}

impl Engine {
    pub fn new(
        scope: Scope,
        limits: Limits,
        extra_headers: Vec<(String, String)>,
        observer: Option<Observer>,
        progress: Option<ProgressFn>,
    ) -> Result<Self, DastError> {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(limits.timeout)
            .danger_accept_invalid_certs(limits.accept_invalid_certs)
            .user_agent(concat!("rampart-dast/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| DastError::Setup(e.to_string()))?;
        Ok(Engine {
            client,
            scope,
            permits: Semaphore::new(limits.concurrency.max(1)),
            limits,
            sent: AtomicU64::new(0),
            started: Instant::now(),
            next_slot: tokio::sync::Mutex::new(Instant::now()),
            jar: Mutex::new(CookieJar::default()),
            extra_headers,
            refused: Mutex::new(Vec::new()),
            refused_count: AtomicU64::new(0),
            observer,
            progress,
            keeper: Mutex::new(None),
            relogins: AtomicU64::new(0),
        })
    }

    pub fn set_session_keeper(&self, keeper: Arc<dyn SessionKeeper>) {
        if let Ok(mut k) = self.keeper.lock() {
            *k = Some(keeper);
        }
    }

    pub fn requests_sent(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }

    pub fn refused_urls(&self) -> Vec<String> {
        self.refused.lock().map(|r| r.clone()).unwrap_or_default()
    }

    pub fn refused_count(&self) -> u64 {
        self.refused_count.load(Ordering::Relaxed)
    }

    pub fn relogins(&self) -> u64 {
        self.relogins.load(Ordering::Relaxed)
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// True once either budget is spent; phases stop starting new work then.
    pub fn exhausted(&self) -> bool {
        self.requests_sent() >= self.limits.max_requests || self.elapsed() >= self.limits.max_time
    }

    pub fn clear_cookies(&self) {
        if let Ok(mut j) = self.jar.lock() {
            j.clear();
        }
    }

    pub fn in_scope(&self, method: &str, url: &Url) -> bool {
        self.scope.check(method, url).is_ok()
    }

    /// Sends `req`, following in-scope redirects, and re-logs in once when the session was lost.
    pub async fn send(&self, req: Request) -> Result<Response, DastError> {
        let resp = self.send_raw(req.clone()).await?;
        let keeper = self.keeper.lock().ok().and_then(|k| k.clone());
        if let Some(keeper) = keeper
            && keeper.session_lost(&req, &resp)
            && self.relogins.load(Ordering::Relaxed) < 50
        {
            self.relogins.fetch_add(1, Ordering::Relaxed);
            keeper.relogin(self).await?;
            return self.send_raw(req).await;
        }
        Ok(resp)
    }

    /// Sends without the session check (the login itself uses this).
    pub async fn send_raw(&self, mut req: Request) -> Result<Response, DastError> {
        for _hop in 0..=MAX_REDIRECTS {
            let resp = self.send_one(&req).await?;
            if let Some(obs) = &self.observer
                && req.passive
            {
                obs(&req, &resp);
            }
            if !(req.follow && resp.is_redirect()) {
                return Ok(resp);
            }
            let Some(next) = resp.header("location").and_then(|l| req.url.join(l).ok()) else {
                return Ok(resp);
            };
            if self.scope.check("GET", &next).is_err() {
                // The redirect leaves the scope: record it, and hand back the 3xx itself.
                self.note_refusal(&next);
                return Ok(resp);
            }
            let keep_method = matches!(resp.status, 307 | 308);
            if !keep_method {
                req.method = "GET".into();
                req.body = None;
                req.headers
                    .retain(|(k, _)| !k.eq_ignore_ascii_case("content-type"));
            }
            req.url = next;
        }
        Err(DastError::Http {
            method: req.method,
            url: req.url.to_string(),
            message: format!("more than {MAX_REDIRECTS} redirects"),
        })
    }

    fn note_refusal(&self, url: &Url) {
        self.refused_count.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut r) = self.refused.lock()
            && r.len() < MAX_REFUSALS_KEPT
        {
            r.push(url.to_string());
        }
    }

    /// The choke point: one request, after the scope and budget checks.
    async fn send_one(&self, req: &Request) -> Result<Response, DastError> {
        if let Err(why) = self.scope.check(&req.method, &req.url) {
            self.note_refusal(&req.url);
            return Err(DastError::Refused {
                method: req.method.clone(),
                url: req.url.to_string(),
                reason: match why {
                    Refusal::Scheme => "not http(s)",
                    Refusal::OutOfScope => "out of scope",
                    Refusal::Excluded => "excluded",
                    Refusal::Logout => "logout link",
                    Refusal::Destructive => "destructive method without --allow-destructive",
                },
            });
        }
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| DastError::Setup(e.to_string()))?;
        if self.elapsed() >= self.limits.max_time {
            return Err(DastError::TimeBudget);
        }
        let n = self.sent.fetch_add(1, Ordering::Relaxed);
        if n >= self.limits.max_requests {
            self.sent.fetch_sub(1, Ordering::Relaxed);
            return Err(DastError::RequestBudget);
        }
        if self.limits.rate > 0.0 {
            let interval = Duration::from_secs_f64(1.0 / self.limits.rate);
            let wait = {
                let mut next = self.next_slot.lock().await;
                let now = Instant::now();
                let slot = (*next).max(now);
                *next = slot + interval;
                slot - now
            };
            tokio::time::sleep(wait).await;
        }
        if let Some(p) = &self.progress {
            p(n + 1, req.url.as_str());
        }
        let method =
            reqwest::Method::from_bytes(req.method.as_bytes()).map_err(|e| DastError::Http {
                method: req.method.clone(),
                url: req.url.to_string(),
                message: e.to_string(),
            })?;
        let remaining = self.limits.max_time.saturating_sub(self.elapsed());
        let timeout = req.timeout.unwrap_or(self.limits.timeout).min(remaining);
        let mut builder = self
            .client
            .request(method, req.url.clone())
            .timeout(timeout.max(Duration::from_millis(100)));
        let mut has_cookie = req.anonymous;
        let extra: &[(String, String)] = if req.anonymous {
            &[]
        } else {
            &self.extra_headers
        };
        for (k, v) in extra.iter().chain(req.headers.iter()) {
            has_cookie |= k.eq_ignore_ascii_case("cookie");
            builder = builder.header(k.as_str(), v.as_str());
        }
        if !has_cookie && let Some(c) = self.jar.lock().ok().and_then(|j| j.header_for(&req.url)) {
            builder = builder.header("Cookie", c);
        }
        if let Some(b) = &req.body {
            builder = builder.body(b.clone());
        }
        let http_err = |e: reqwest::Error| DastError::Http {
            method: req.method.clone(),
            url: req.url.to_string(),
            message: e.to_string(),
        };
        let start = Instant::now();
        let mut resp = builder.send().await.map_err(http_err)?;
        let status = resp.status().as_u16();
        let headers: Vec<(String, String)> = resp
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let mut body = Vec::new();
        let mut truncated = false;
        while let Some(chunk) = resp.chunk().await.map_err(http_err)? {
            let room = self.limits.max_body.saturating_sub(body.len());
            if chunk.len() > room {
                body.extend_from_slice(&chunk[..room]);
                truncated = true;
                break;
            }
            body.extend_from_slice(&chunk);
        }
        let elapsed = start.elapsed();
        if let Ok(mut jar) = self.jar.lock() {
            for (k, v) in &headers {
                if k.eq_ignore_ascii_case("set-cookie") {
                    jar.store(&req.url, v);
                }
            }
        }
        Ok(Response {
            url: req.url.clone(),
            status,
            headers,
            body,
            elapsed,
            truncated,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jar_stores_replaces_and_expires() {
        let u = Url::parse("http://127.0.0.1:1/").unwrap();
        let mut j = CookieJar::default();
        j.store(&u, "a=1; Path=/; HttpOnly");
        j.store(&u, "b=2");
        j.store(&u, "a=3");
        assert_eq!(j.header_for(&u).unwrap(), "a=3; b=2");
        j.store(&u, "a=; Max-Age=0");
        assert_eq!(j.header_for(&u).unwrap(), "b=2");
        j.store(&u, "garbage-without-equals");
        assert_eq!(j.header_for(&u).unwrap(), "b=2");
    }

    #[test]
    fn excerpt_is_char_safe() {
        let t = "héllo wörld ".repeat(50);
        for at in 0..t.len() {
            let _ = excerpt(&t, at, 17);
        }
    }
}
