//! Active checks. Each one confirms before it reports: a second, different payload, a control
//! request that must not trigger, a parsed executable context, a scaled delay, or a hit on
//! rampart's own listener. A single suspicious response is never a finding.

use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use rampart_core::{Diagnostic, Finding};
use regex::{Regex, RegexSet};
use url::Url;

use crate::context::{Reflection, executes, reflections};
use crate::discover::Form;
use crate::endpoint::{Endpoint, multipart};
use crate::error::DastError;
use crate::findings::{evidence, url_finding};
use crate::http::{Engine, Request, Response};
use crate::oob::{Listener, number_from, token};

/// A host under the reserved `.invalid` TLD: it never resolves, and the scope refuses it anyway.
pub const CANARY_HOST: &str = "rampart-canary.invalid";

pub struct Ctx {
    pub engine: Arc<Engine>,
    pub oob: Option<Arc<Listener>>,
    pub allow_destructive: bool,
    /// The unit of time-based probes; delays of 1× and 2× this are requested.
    pub time_unit: Duration,
    pub findings: Mutex<Vec<Finding>>,
    pub diagnostics: Mutex<Vec<Diagnostic>>,
}

impl Ctx {
    pub fn report(&self, f: Finding) {
        if let Ok(mut v) = self.findings.lock() {
            v.push(f);
        }
    }

    pub fn note(&self, message: String) {
        if let Ok(mut d) = self.diagnostics.lock()
            && d.len() < 200
        {
            d.push(Diagnostic::warning("dast", None, message));
        }
    }

    /// Sends; errors other than refusals and budgets become diagnostics.
    pub async fn send(&self, req: Request) -> Option<Response> {
        match self.engine.send(req).await {
            Ok(r) => Some(r),
            Err(e @ DastError::Http { .. }) => {
                self.note(e.to_string());
                None
            }
            Err(_) => None,
        }
    }
}

fn db_errors() -> &'static RegexSet {
    static RE: OnceLock<RegexSet> = OnceLock::new();
    RE.get_or_init(|| {
        RegexSet::new([
            r"sqlite3\.OperationalError|SQLITE_ERROR|unrecognized token: |near \x22[^\x22]{0,40}\x22: syntax error|unterminated (?:quoted )?string",
            r"You have an error in your SQL syntax|mysql_fetch_|MySqlException|check the manual that corresponds to your (?:MySQL|MariaDB)",
            r"PG::SyntaxError|syntax error at or near|unterminated quoted string at or near|psycopg2\.errors\.|org\.postgresql\.util\.PSQLException",
            r"Unclosed quotation mark after the character string|Microsoft OLE DB Provider for SQL Server|System\.Data\.SqlClient\.SqlException",
            r"ORA-0\d{4}|quoted string not properly terminated",
        ])
        .expect("static regexes")
    })
}

const DB_NAMES: &[&str] = &[
    "SQLite",
    "MySQL/MariaDB",
    "PostgreSQL",
    "SQL Server",
    "Oracle",
];

fn db_error(text: &str) -> Option<usize> {
    db_errors().matches(text).iter().next()
}

/// The response body with every form of the injected value removed, for comparisons.
fn normalized(resp: &Response, injected: &[&str]) -> (u16, String) {
    let mut t = resp.text().into_owned();
    for v in injected.iter().filter(|v| !v.is_empty()) {
        t = t.replace(v, "");
        t = t.replace(&html_escape(v), "");
        let enc: String = url::form_urlencoded::byte_serialize(v.as_bytes()).collect();
        t = t.replace(&enc, "");
    }
    (resp.status, t)
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

struct Probe<'a> {
    ctx: &'a Ctx,
    ep: &'a Endpoint,
    index: usize,
    name: &'a str,
    orig: &'a str,
    base: Response,
}

impl Probe<'_> {
    async fn send(&self, value: &str) -> Option<(Request, Response)> {
        let req = self.ep.request_with(Some(self.index), value);
        let resp = self.ctx.send(req.clone()).await?;
        Some((req, resp))
    }

    fn report(
        &self,
        rule: &str,
        message: String,
        req: &Request,
        resp: &Response,
        needle: Option<&str>,
    ) -> Finding {
        let f = url_finding(
            rule,
            &self.ep.method,
            &self.ep.url,
            Some(self.name),
            message,
            evidence(
                format!("{}\n{}", req.describe(), resp.describe(needle)),
                &[],
            ),
        )
        .with_property("source", self.ep.source);
        self.ctx.report(f.clone());
        f
    }
}

/// Runs every parameter check on one endpoint.
pub async fn scan_endpoint(ctx: Arc<Ctx>, ep: Endpoint) {
    let Some(base) = ctx.send(ep.request()).await else {
        return;
    };
    let indexes: Vec<usize> = ep.injectable().collect();
    for index in indexes {
        if ctx.engine.exhausted() {
            return;
        }
        let p = &ep.params[index];
        let probe = Probe {
            ctx: &ctx,
            ep: &ep,
            index,
            name: &p.name,
            orig: &p.value,
            base: base.clone(),
        };
        if !sqli(&probe).await {
            let _ = sqli_time(&probe).await;
        }
        xss(&probe).await;
        if !cmdi(&probe).await {
            cmdi_time(&probe).await;
        }
        traversal(&probe).await;
        ssti(&probe).await;
        ssrf(&probe).await;
        open_redirect(&probe).await;
        crlf(&probe).await;
    }
}

async fn sqli(p: &Probe<'_>) -> bool {
    let base_text = p.base.text();
    if db_error(&base_text).is_none() {
        for (broken, balanced) in [("'", "''"), ("\"", "\"\"")] {
            let Some((req, resp)) = p.send(&format!("{}{broken}", p.orig)).await else {
                return false;
            };
            let Some(db) = db_error(&resp.text()) else {
                continue;
            };
            let Some((_, ok)) = p.send(&format!("{}{balanced}", p.orig)).await else {
                return false;
            };
            if db_error(&ok.text()).is_none() {
                p.report(
                    "dast/sql-injection",
                    format!("`{}` breaks the SQL query: a {} error for `{broken}`, none for the balanced `{balanced}` (error-based)", p.name, DB_NAMES[db]),
                    &req,
                    &resp,
                    None,
                );
                return true;
            }
        }
    }
    // Boolean-based: two true/false pairs; true must equal the original page, false must not.
    let numeric = p.orig.parse::<f64>().is_ok();
    let pairs: &[(&str, &str)] = if numeric {
        &[(" AND 8=8", " AND 8=9"), (" AND 5>4", " AND 5>6")]
    } else {
        &[
            ("' AND '8'='8", "' AND '8'='9"),
            ("' AND 5>4 AND 'a'='a", "' AND 5>6 AND 'a'='a"),
        ]
    };
    let Some((_, base2)) = p.send(p.orig).await else {
        return false;
    };
    if normalized(&p.base, &[]) != normalized(&base2, &[]) {
        return false; // the page changes by itself; diffing would guess
    }
    let mut evidence_pair = None;
    for (t, f) in pairs {
        let tv = format!("{}{t}", p.orig);
        let fv = format!("{}{f}", p.orig);
        let Some((treq, tresp)) = p.send(&tv).await else {
            return false;
        };
        if normalized(&tresp, &[&tv]) != normalized(&p.base, &[p.orig]) {
            return false;
        }
        let Some((_, fresp)) = p.send(&fv).await else {
            return false;
        };
        if normalized(&fresp, &[&fv]) == normalized(&p.base, &[p.orig]) {
            return false;
        }
        evidence_pair.get_or_insert((treq, fresp));
    }
    if let Some((req, resp)) = evidence_pair {
        p.report(
            "dast/sql-injection",
            format!("`{}` is evaluated as SQL: two true conditions return the original page, two false ones a different page (boolean-based)", p.name),
            &req,
            &resp,
            None,
        );
        return true;
    }
    false
}

const SQL_SLEEPS: &[&str] = &[
    "{o}' AND SLEEP({d}) AND '1'='1",
    "{o} AND SLEEP({d})",
    "{o}' OR SLEEP({d}) OR '1'='2",
    "{o}'||pg_sleep({d})||'",
    "{o}'; WAITFOR DELAY '0:0:{d}'--",
];

/// Confirms a delay: 2× and 1× the unit must each take at least that long, in that order, and a
/// zero delay must not.
async fn scaled_delay(p: &Probe<'_>, template: &str) -> Option<(Request, Response)> {
    let unit = p.ctx.time_unit;
    let make = |d: u64| {
        template
            .replace("{o}", p.orig)
            .replace("{d}", &d.to_string())
    };
    let secs = unit.as_secs().max(1);
    let slack = p.base.elapsed;
    let (req2, r2) = p.send(&make(2 * secs)).await?;
    if r2.elapsed < Duration::from_secs(2 * secs) {
        return None;
    }
    let (_, r1) = p.send(&make(secs)).await?;
    if r1.elapsed < Duration::from_secs(secs) || r1.elapsed >= r2.elapsed {
        return None;
    }
    let (_, r0) = p.send(&make(0)).await?;
    if r0.elapsed >= Duration::from_secs(secs) + slack {
        return None;
    }
    let (_, again) = p.send(&make(2 * secs)).await?;
    (again.elapsed >= Duration::from_secs(2 * secs)).then_some((req2, r2))
}

async fn sqli_time(p: &Probe<'_>) -> bool {
    for t in SQL_SLEEPS {
        if let Some((req, resp)) = scaled_delay(p, t).await {
            p.report(
                "dast/sql-injection",
                format!("`{}` runs an SQL sleep: responses took {:.1}s for a {}s delay and scaled with it, not for 0s (time-based)", p.name, resp.elapsed.as_secs_f64(), 2 * p.ctx.time_unit.as_secs().max(1)),
                &req,
                &resp,
                None,
            );
            return true;
        }
    }
    false
}

async fn xss(p: &Probe<'_>) {
    let t = token();
    let Some((_, resp)) = p.send(&format!("{}{t}", p.orig)).await else {
        return;
    };
    if !resp.is_html() || !resp.text().contains(&t) {
        return;
    }
    let contexts = reflections(&resp.text(), &t);
    let mut payloads: Vec<String> = Vec::new();
    for c in &contexts {
        match c {
            Reflection::Text => payloads.push(format!("{t}<svg onload={t}(1)>")),
            Reflection::Attribute(name) => {
                if matches!(name.as_str(), "href" | "src" | "action" | "formaction") {
                    payloads.push(format!("javascript:{t}(1)"));
                }
                payloads.push(format!("{t}\" autofocus onfocus=\"{t}(1)"));
                payloads.push(format!("{t}' autofocus onfocus='{t}(1)"));
                payloads.push(format!("{t}\"><svg onload={t}(1)>"));
            }
            Reflection::Script(Some(q)) => {
                payloads.push(format!("{t}{q};{t}(1);//"));
                payloads.push(format!("</script><svg onload={t}(1)>"));
            }
            Reflection::Script(None) => payloads.push(format!("1;{t}(1);//")),
        }
    }
    payloads.dedup();
    for payload in payloads.iter().take(6) {
        let Some((req, resp)) = p.send(payload).await else {
            return;
        };
        if let Some(markup) = executes(&resp.text(), &t) {
            // After a followed redirect the payload came back from storage, not the request.
            let stored = resp.url.path() != req.url.path();
            p.report(
                if stored {
                    "dast/xss-stored"
                } else {
                    "dast/xss-reflected"
                },
                if stored {
                    format!(
                        "`{}` is stored and rendered executable on {}: {markup}",
                        p.name, resp.url
                    )
                } else {
                    format!(
                        "`{}` is reflected into an executable context: {markup}",
                        p.name
                    )
                },
                &req,
                &resp,
                Some(&t),
            );
            return;
        }
    }
}

async fn cmdi(p: &Probe<'_>) -> bool {
    let t = token();
    let seps = [";", "|", "&&", "\n"];
    let forms = [
        "{s}echo {t}$(({a}*{b}))",
        "$(echo {t}$(({a}*{b})))",
        "`echo {t}$(({a}*{b}))`",
    ];
    let mut templates: Vec<String> = seps.iter().map(|s| forms[0].replace("{s}", s)).collect();
    templates.extend(forms[1..].iter().map(|f| f.to_string()));
    for tpl in &templates {
        let (a, b) = (
            number_from(&t, 101, 999),
            number_from(&format!("{t}b"), 101, 999),
        );
        let v = format!(
            "{}{}",
            p.orig,
            tpl.replace("{t}", &t)
                .replace("{a}", &a.to_string())
                .replace("{b}", &b.to_string())
        );
        let Some((req, resp)) = p.send(&v).await else {
            return false;
        };
        let marker = format!("{t}{}", a * b);
        if !resp.text().contains(&marker) {
            continue;
        }
        let t2 = token();
        let (c, d) = (
            number_from(&t2, 101, 999),
            number_from(&format!("{t2}d"), 101, 999),
        );
        let v2 = format!(
            "{}{}",
            p.orig,
            tpl.replace("{t}", &t2)
                .replace("{a}", &c.to_string())
                .replace("{b}", &d.to_string())
        );
        let Some((_, resp2)) = p.send(&v2).await else {
            return false;
        };
        if resp2.text().contains(&format!("{t2}{}", c * d)) {
            p.report(
                "dast/command-injection",
                format!(
                    "`{}` reaches a shell: it computed {a}*{b}={} and {c}*{d}={}",
                    p.name,
                    a * b,
                    c * d
                ),
                &req,
                &resp,
                Some(&marker),
            );
            return true;
        }
    }
    false
}

async fn cmdi_time(p: &Probe<'_>) {
    for t in [
        "{o};sleep {d}",
        "{o}|sleep {d}",
        "{o}$(sleep {d})",
        "{o}`sleep {d}`",
    ] {
        if let Some((req, resp)) = scaled_delay(p, t).await {
            p.report(
                "dast/command-injection",
                format!("`{}` reaches a shell: `sleep` delays scaled with the requested time (time-based)", p.name),
                &req,
                &resp,
                None,
            );
            return;
        }
    }
}

fn file_markers() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"root:[x*!]?:0:0:|\[(?:fonts|extensions)\]\r?\n").expect("static regex")
    })
}

async fn traversal(p: &Probe<'_>) {
    if file_markers().is_match(&p.base.text()) {
        return;
    }
    for payload in [
        "../../../../../../../../etc/passwd",
        "....//....//....//....//....//....//etc/passwd",
        "/etc/passwd",
        "..\\..\\..\\..\\..\\..\\windows\\win.ini",
    ] {
        let Some((req, resp)) = p.send(payload).await else {
            return;
        };
        let text = resp.text();
        if let Some(m) = file_markers().find(&text) {
            p.report(
                "dast/path-traversal",
                format!("`{}` reads files outside its directory: `{payload}` returned the file's content", p.name),
                &req,
                &resp,
                Some(m.as_str()),
            );
            return;
        }
    }
}

async fn ssti(p: &Probe<'_>) {
    let base = p.base.text().into_owned();
    for syntax in [
        "{{{a}*{b}}}",
        "${{a}*{b}}",
        "<%= {a}*{b} %>",
        "#{{a}*{b}}",
        "{{a}*{b}}",
    ] {
        let t = token();
        let (a, b) = (
            number_from(&t, 1001, 9999),
            number_from(&format!("{t}x"), 1001, 9999),
        );
        let product = (a * b).to_string();
        if base.contains(&product) {
            continue;
        }
        let expr = syntax
            .replace("{a}", &a.to_string())
            .replace("{b}", &b.to_string());
        let Some((req, resp)) = p.send(&format!("{}{expr}", p.orig)).await else {
            return;
        };
        if !resp.text().contains(&product) {
            continue;
        }
        let t2 = token();
        let (c, d) = (
            number_from(&t2, 1001, 9999),
            number_from(&format!("{t2}y"), 1001, 9999),
        );
        let expr2 = syntax
            .replace("{a}", &c.to_string())
            .replace("{b}", &d.to_string());
        let Some((_, resp2)) = p.send(&format!("{}{expr2}", p.orig)).await else {
            return;
        };
        if resp2.text().contains(&(c * d).to_string()) {
            p.report(
                "dast/ssti",
                format!(
                    "`{}` is evaluated as a template: `{expr}` → {product} and `{expr2}` → {}",
                    p.name,
                    c * d
                ),
                &req,
                &resp,
                Some(&product),
            );
            return;
        }
    }
}

fn urlish_name() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)url|uri|link|src|dest|redirect|target|file|page|feed|host|site|callback|fetch|image|img|load|doc|source|endpoint|proxy|webhook")
            .expect("static regex")
    })
}

async fn ssrf(p: &Probe<'_>) {
    let Some(oob) = &p.ctx.oob else { return };
    if !(urlish_name().is_match(p.name) || p.orig.starts_with("http")) {
        return;
    }
    let t = token();
    let target = oob.url(&format!("ssrf/{t}"));
    let Some((req, resp)) = p.send(&target).await else {
        return;
    };
    let hits = oob.wait_for(&t, Duration::from_millis(1500)).await;
    if let Some(hit) = hits.first() {
        p.report(
            "dast/ssrf",
            format!(
                "`{}` made the server request rampart's listener: {} {}",
                p.name, hit.method, hit.path
            ),
            &req,
            &resp,
            None,
        );
    }
}

fn redirect_name() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^(next|url|redirect|redirect_?ur[il]|return|return_?to|return_?url|goto|dest|destination|continue|r|u|to|target|forward|out|back|callback)$")
            .expect("static regex")
    })
}

async fn open_redirect(p: &Probe<'_>) {
    if !(redirect_name().is_match(p.name) || p.orig.starts_with('/') || p.orig.starts_with("http"))
    {
        return;
    }
    let t = token();
    for payload in [
        format!("https://{CANARY_HOST}/{t}"),
        format!("//{CANARY_HOST}/{t}"),
    ] {
        let req = p.ep.request_with(Some(p.index), &payload).no_follow();
        let Some(resp) = p.ctx.send(req.clone()).await else {
            return;
        };
        let target = resp
            .header("location")
            .or_else(|| {
                resp.header("refresh")
                    .and_then(|r| r.split_once("url=").map(|x| x.1))
            })
            .and_then(|l| req.url.join(l.trim()).ok());
        if let Some(u) = target
            && u.host_str() == Some(CANARY_HOST)
            && (resp.is_redirect() || resp.header("refresh").is_some())
        {
            p.report(
                "dast/open-redirect",
                format!("`{}` redirects to any host: Location {u}", p.name),
                &req,
                &resp,
                None,
            );
            return;
        }
    }
}

async fn crlf(p: &Probe<'_>) {
    let t = token();
    let payload = format!("{}\r\nX-Rampart-Crlf: {t}", p.orig);
    let Some((req, resp)) = p.send(&payload).await else {
        return;
    };
    if resp.header("x-rampart-crlf").is_some_and(|v| v.trim() == t) {
        p.report(
            "dast/crlf-injection",
            format!("`{}` writes raw CR/LF into the response headers: header X-Rampart-Crlf: {t} appeared", p.name),
            &req,
            &resp,
            None,
        );
    }
}

/// Stored XSS: submits a payload per text field of each POST form, then re-reads `pages` and
/// reports the forms whose payload comes back executable.
pub async fn stored_xss(ctx: &Ctx, forms: &[(Url, Form)], pages: &[Url]) {
    let mut planted: Vec<(String, Endpoint, usize, Request)> = Vec::new();
    for (page, form) in forms {
        if form.method != "POST" || form.has_password() || form.has_file() {
            continue;
        }
        let ep = form.endpoint(page, "form");
        for i in ep.injectable().collect::<Vec<_>>() {
            if !matches!(
                ep.params[i].kind.as_str(),
                "text" | "textarea" | "search" | "email" | "url"
            ) {
                continue;
            }
            let t = token();
            let req = ep.request_with(Some(i), &format!("<svg onload={t}(1)>"));
            if ctx.send(req.clone()).await.is_some() {
                planted.push((t, ep.clone(), i, req));
            }
        }
    }
    if planted.is_empty() {
        return;
    }
    let mut reported = std::collections::HashSet::new();
    for page in pages {
        let Some(resp) = ctx.send(Request::get(page.clone())).await else {
            continue;
        };
        if !resp.is_html() {
            continue;
        }
        let text = resp.text();
        for (t, ep, i, req) in &planted {
            if reported.contains(t) || !text.contains(t.as_str()) {
                continue;
            }
            if let Some(markup) = executes(&text, t) {
                reported.insert(t.clone());
                let name = &ep.params[*i].name;
                ctx.report(
                    url_finding(
                        "dast/xss-stored",
                        &ep.method,
                        &ep.url,
                        Some(name),
                        format!("`{name}` is stored and rendered executable on {page}: {markup}"),
                        evidence(
                            format!("{}\nGET {page}\n{}", req.describe(), resp.describe(Some(t))),
                            &[],
                        ),
                    )
                    .with_property("rendered_at", page.to_string()),
                );
            }
        }
    }
}

fn csrf_field() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)csrf|xsrf|token|nonce|authenticity|requestverification|_wpnonce|anti.?forgery",
        )
        .expect("static regex")
    })
}

/// State-changing forms without a token, confirmed by a cross-origin submission the server accepts.
pub async fn csrf(ctx: &Ctx, forms: &[(Url, Form)]) {
    let mut seen = std::collections::HashSet::new();
    for (page, form) in forms {
        if form.method != "POST" || form.has_password() {
            continue;
        }
        if form.fields.iter().any(|f| csrf_field().is_match(&f.name)) {
            continue;
        }
        let ep = form.endpoint(page, "form");
        if !seen.insert(ep.key()) {
            continue;
        }
        let req = ep
            .request()
            .header("Origin", format!("https://{CANARY_HOST}"))
            .header("Referer", format!("https://{CANARY_HOST}/page"));
        let Some(resp) = ctx.send(req.clone()).await else {
            continue;
        };
        if resp.status < 400 {
            ctx.report(url_finding(
                "dast/csrf",
                "POST",
                &ep.url,
                None,
                format!("The form on {page} has no anti-CSRF token and the server accepted it from Origin https://{CANARY_HOST} (status {})", resp.status),
                evidence(format!("{}\n{}", req.describe(), resp.describe(None)), &[]),
            ));
        }
    }
}

/// Cross-origin resource sharing: an arbitrary Origin reflected with credentials.
pub async fn cors(ctx: &Ctx, urls: &[Url]) {
    let origin = format!("https://{CANARY_HOST}");
    for u in urls.iter().take(30) {
        let req = Request::get(u.clone()).header("Origin", origin.clone());
        let Some(resp) = ctx.send(req.clone()).await else {
            continue;
        };
        let reflected = resp.header("access-control-allow-origin") == Some(origin.as_str());
        let creds = resp
            .header("access-control-allow-credentials")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
        if reflected && creds {
            let mut f = url_finding(
                "dast/cors-arbitrary-origin",
                "GET",
                u,
                None,
                format!("Origin {origin} is reflected with Access-Control-Allow-Credentials: true"),
                evidence(format!("{}\n{}", req.describe(), resp.describe(None)), &[]),
            );
            // One finding per site: the policy is almost always global.
            f.fingerprint = rampart_core::Fingerprint::from_parts([
                "dast/cors-arbitrary-origin".as_bytes(),
                u.origin().ascii_serialization().as_bytes(),
            ]);
            ctx.report(f);
            return;
        }
    }
}

const DEFAULT_CREDENTIALS: &[(&str, &str)] = &[
    ("admin", "admin"),
    ("admin", "password"),
    ("admin", "admin123"),
    ("root", "root"),
    ("administrator", "administrator"),
    ("test", "test"),
    ("guest", "guest"),
    ("user", "user"),
];

fn lockout_text() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)too many|locked|captcha|try again later|rate.?limit|temporarily blocked")
            .expect("static regex")
    })
}

struct Outcome {
    status: u16,
    final_path: String,
    password_form: bool,
}

fn outcome(resp: &Response) -> Outcome {
    Outcome {
        status: resp.status,
        final_path: resp.url.path().to_string(),
        password_form: resp
            .text()
            .to_ascii_lowercase()
            .contains("type=\"password\"")
            || resp.text().to_ascii_lowercase().contains("type=password"),
    }
}

/// Default credentials and brute-force protection of each login form.
pub async fn login_forms(ctx: &Ctx, forms: &[(Url, Form)]) {
    let mut seen = std::collections::HashSet::new();
    let user_name = Regex::new(r"(?i)user|login|email|name|account").ok();
    for (page, form) in forms {
        if !form.has_password() || !seen.insert(form.action.to_string()) {
            continue;
        }
        let user_field = form
            .fields
            .iter()
            .find(|f| {
                matches!(f.kind.as_str(), "text" | "email")
                    && user_name.as_ref().is_some_and(|r| r.is_match(&f.name))
            })
            .or_else(|| {
                form.fields
                    .iter()
                    .find(|f| matches!(f.kind.as_str(), "text" | "email"))
            })
            .map(|f| f.name.clone());
        let Some(user_field) = user_field else {
            continue;
        };
        let pass_field = form
            .fields
            .iter()
            .find(|f| f.kind == "password")
            .map(|f| f.name.clone())
            .unwrap_or_default();
        let submit = |u: &str, pw: &str| {
            let mut ep = form.endpoint(page, "form");
            for p in &mut ep.params {
                if p.name == user_field {
                    p.value = u.to_string();
                } else if p.name == pass_field {
                    p.value = pw.to_string();
                }
            }
            ep.request()
        };
        // A fresh page for a fresh CSRF token would be needed by token-checking forms; those are
        // also the ones that reject replays, so a stale token only causes misses, not false hits.
        let Some(fail) = ctx.send(submit(&token(), &token())).await else {
            continue;
        };
        let failed = outcome(&fail);
        let looks_ok = |o: &Outcome| {
            o.status < 400
                && !o.password_form
                && (o.final_path != failed.final_path
                    || o.status != failed.status
                    || failed.password_form)
        };
        let mut blocked = false;
        for (u, pw) in DEFAULT_CREDENTIALS {
            let req = submit(u, pw);
            let Some(resp) = ctx.send(req.clone()).await else {
                break;
            };
            if resp.status == 429 || lockout_text().is_match(&resp.text()) {
                blocked = true;
                break;
            }
            if !looks_ok(&outcome(&resp)) {
                continue;
            }
            ctx.engine.clear_cookies();
            let again = ctx
                .send(req.clone())
                .await
                .map(|r| looks_ok(&outcome(&r)))
                .unwrap_or(false);
            ctx.engine.clear_cookies();
            let wrong = ctx
                .send(submit(u, &token()))
                .await
                .map(|r| looks_ok(&outcome(&r)))
                .unwrap_or(true);
            if again && !wrong {
                ctx.report(url_finding(
                    "dast/default-credentials",
                    "POST",
                    &form.action,
                    Some(&user_field),
                    format!("The login on {page} accepts {u} / {}", "*".repeat(pw.len())),
                    evidence(
                        format!("{}\n{}", req.describe(), resp.describe(None)),
                        &[pw],
                    ),
                ));
                break;
            }
        }
        ctx.engine.clear_cookies();
        if blocked {
            continue;
        }
        let attempts = 10;
        let mut all_same = true;
        let mut last = None;
        for _ in 0..attempts {
            let Some(resp) = ctx.send(submit("admin", &token())).await else {
                all_same = false;
                break;
            };
            if resp.status == 429
                || resp.status == 423
                || resp.header("retry-after").is_some()
                || lockout_text().is_match(&resp.text())
            {
                all_same = false;
                break;
            }
            last = Some(resp);
        }
        if all_same && let Some(resp) = last {
            ctx.report(url_finding(
                "dast/no-brute-force-protection",
                "POST",
                &form.action,
                Some(&user_field),
                format!("{attempts} failed logins in a row for one account on {page} met no lockout, delay, 429 or CAPTCHA"),
                evidence(resp.describe(None), &[]),
            ));
        }
    }
}

/// Upload forms that accept and serve back active content (only with --allow-destructive).
pub async fn uploads(ctx: &Ctx, forms: &[(Url, Form)]) {
    for (page, form) in forms {
        if !form.has_file() || form.method != "POST" {
            continue;
        }
        let t = token();
        let name = format!("rampart-{t}.html");
        let content = format!("<html><body><p id=\"{t}\">{t}</p></body></html>");
        let fields: Vec<(String, String)> = form
            .fields
            .iter()
            .filter(|f| f.kind != "file")
            .map(|f| (f.name.clone(), f.value.clone()))
            .collect();
        let file_field = form
            .fields
            .iter()
            .find(|f| f.kind == "file")
            .map(|f| f.name.as_str())
            .unwrap_or("file");
        let (ct, body) = multipart(
            &fields,
            &[(file_field, &name, "text/html", content.as_bytes())],
        );
        let req = Request::new("POST", form.action.clone()).body(&ct, body);
        let Some(resp) = ctx.send(req.clone()).await else {
            continue;
        };
        let mut candidates: Vec<Url> = Vec::new();
        if let Ok(re) = Regex::new(&format!(r#"[^"'\s<>=]*{}"#, regex::escape(&name))) {
            for m in re.find_iter(&resp.text()) {
                if let Ok(u) = resp.url.join(m.as_str()) {
                    candidates.push(u);
                }
            }
        }
        for dir in [
            "uploads/",
            "/uploads/",
            "/static/uploads/",
            "/files/",
            "/upload/",
        ] {
            if let Ok(u) = form.action.join(&format!("{dir}{name}")) {
                candidates.push(u);
            }
        }
        candidates.dedup();
        for u in candidates {
            let Some(got) = ctx.send(Request::get(u.clone())).await else {
                continue;
            };
            if got.status == 200 && got.text().contains(&t) && got.content_type().contains("html") {
                ctx.report(url_finding(
                    "dast/unrestricted-file-upload",
                    "POST",
                    &form.action,
                    Some(file_field),
                    format!(
                        "The upload form on {page} accepted {name} and {u} serves it back as {}",
                        got.content_type()
                    ),
                    evidence(
                        format!("{}\nGET {u}\n{}", req.describe(), got.describe(Some(&t))),
                        &[],
                    ),
                ));
                break;
            }
        }
    }
}

/// TRACE echoing requests; PUT storing files (the latter only with --allow-destructive).
pub async fn methods(ctx: &Ctx, root: &Url) {
    let t = token();
    let req = Request::new("TRACE", root.clone()).header("X-Rampart-Trace", t.clone());
    if let Some(resp) = ctx.send(req.clone()).await
        && resp.status == 200
        && resp.text().contains(&t)
    {
        ctx.report(url_finding(
            "dast/http-trace",
            "TRACE",
            root,
            None,
            "TRACE echoes the request headers back",
            evidence(
                format!("{}\n{}", req.describe(), resp.describe(Some(&t))),
                &[],
            ),
        ));
    }
    if !ctx.allow_destructive {
        return;
    }
    let Ok(target) = root.join(&format!("rampart-{t}.txt")) else {
        return;
    };
    let put = Request::new("PUT", target.clone()).body("text/plain", t.clone().into_bytes());
    let Some(resp) = ctx.send(put.clone()).await else {
        return;
    };
    if resp.status >= 300 {
        return;
    }
    if let Some(got) = ctx.send(Request::get(target.clone())).await
        && got.status == 200
        && got.text().contains(&t)
    {
        ctx.report(url_finding(
            "dast/http-put",
            "PUT",
            &target,
            None,
            "PUT stored a file that GET then returned",
            evidence(
                format!("{}\n{}", put.describe(), got.describe(Some(&t))),
                &[],
            ),
        ));
        let _ = ctx.send(Request::new("DELETE", target)).await;
    }
}

/// XML external entities on endpoints that take XML: a local file's content in the reply, or a
/// request for a token path on rampart's listener.
pub async fn xxe(ctx: &Ctx, endpoints: &[Endpoint]) {
    for ep in endpoints.iter().filter(|e| e.xml) {
        let file = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY rampart SYSTEM \"file:///etc/passwd\">]>\n<r>&rampart;</r>";
        let req = Request::new(&ep.method, ep.url.clone())
            .body("application/xml", file.as_bytes().to_vec());
        if let Some(resp) = ctx.send(req.clone()).await
            && let Some(m) = file_markers().find(&resp.text())
        {
            ctx.report(url_finding(
                "dast/xxe",
                &ep.method,
                &ep.url,
                None,
                "An external entity naming file:///etc/passwd was expanded into the reply",
                evidence(
                    format!("{}\n{}", req.describe(), resp.describe(Some(m.as_str()))),
                    &[],
                ),
            ));
            continue;
        }
        let Some(oob) = &ctx.oob else { continue };
        let t = token();
        let body = format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY rampart SYSTEM \"{}\">]>\n<r>&rampart;</r>",
            oob.url(&format!("xxe/{t}"))
        );
        let req =
            Request::new(&ep.method, ep.url.clone()).body("application/xml", body.into_bytes());
        let Some(resp) = ctx.send(req.clone()).await else {
            continue;
        };
        if let Some(hit) = oob.wait_for(&t, Duration::from_millis(1500)).await.first() {
            ctx.report(url_finding(
                "dast/xxe",
                &ep.method,
                &ep.url,
                None,
                format!(
                    "The XML parser fetched an external entity from rampart's listener: {} {}",
                    hit.method, hit.path
                ),
                evidence(format!("{}\n{}", req.describe(), resp.describe(None)), &[]),
            ));
        }
    }
}
