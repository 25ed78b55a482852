//! rampart's dynamic application security testing (DAST) engine.
//!
//! [`run`] crawls a running application (spider, robots.txt, sitemaps, OpenAPI, HAR, GraphQL),
//! logs in if asked, runs passive checks on every discovery response, active checks that each
//! confirm before reporting, and probes LLM and model-serving endpoints — all through one HTTP
//! engine whose single choke point refuses every request outside the scope. The crate knows
//! nothing of the command line; secrets in responses reach another scanner through the
//! [`ResponseInspector`] hook the binary fills.

pub mod active;
pub mod auth;
pub mod context;
pub mod discover;
pub mod endpoint;
pub mod error;
pub mod findings;
pub mod http;
pub mod llm;
pub mod oob;
pub mod passive;
pub mod rules;
pub mod rulesfile;
pub mod scope;

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rampart_core::{Diagnostic, Finding, Rule};
use regex::Regex;
use url::Url;

pub use crate::error::DastError;
pub use crate::http::{Limits, ProgressFn};
pub use crate::passive::ResponseInspector;
pub use crate::rulesfile::RulesFile;

use crate::active::Ctx;
use crate::discover::Form;
use crate::endpoint::Endpoint;
use crate::http::{Engine, Request};
use crate::llm::{LlmKind, LlmTarget};

/// A JSON LLM API given on the command line.
#[derive(Debug, Clone)]
pub struct CustomLlm {
    pub url: String,
    /// JSON body with a `{prompt}` slot, e.g. `{"q": "{prompt}"}`.
    pub body_template: String,
    /// Dotted path of the reply in the response JSON, e.g. `answer` or `choices.0.text`.
    pub reply_path: String,
}

/// Form-login settings, as given on the command line.
#[derive(Debug, Clone)]
pub struct LoginSettings {
    pub url: String,
    pub fields: Vec<(String, String)>,
    pub logged_in_regex: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DastConfig {
    pub target: String,
    pub scope: Vec<String>,
    pub exclude: Vec<String>,
    pub headers: Vec<(String, String)>,
    pub limits: Limits,
    pub max_depth: usize,
    pub max_pages: usize,
    pub allow_destructive: bool,
    pub openapi: Option<String>,
    pub har: Option<PathBuf>,
    pub login: Option<LoginSettings>,
    pub llm_endpoints: Vec<CustomLlm>,
    pub passive: bool,
    pub active: bool,
    pub llm: bool,
    /// Unit of time-based probes (1× and 2× are requested).
    pub time_unit: Duration,
    pub llm_max_words: usize,
    pub llm_burst: usize,
    pub rules_file: Option<RulesFile>,
}

impl DastConfig {
    pub fn new(target: impl Into<String>) -> Self {
        DastConfig {
            target: target.into(),
            scope: Vec::new(),
            exclude: Vec::new(),
            headers: Vec::new(),
            limits: Limits::default(),
            max_depth: 6,
            max_pages: 500,
            allow_destructive: false,
            openapi: None,
            har: None,
            login: None,
            llm_endpoints: Vec::new(),
            passive: true,
            active: true,
            llm: true,
            time_unit: Duration::from_secs(1),
            llm_max_words: 1000,
            llm_burst: 20,
            rules_file: None,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct DastStats {
    pub requests: u64,
    pub refused: u64,
    pub pages: usize,
    pub endpoints: usize,
    pub llm_endpoints: usize,
    pub relogins: u64,
    pub duration: Duration,
}

#[derive(Debug, Default)]
pub struct DastReport {
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    pub stats: DastStats,
    /// Out-of-scope URLs the engine refused (the first few hundred).
    pub refused_urls: Vec<String>,
    /// Pages the spider fetched.
    pub pages: Vec<String>,
}

/// Every rule of the DAST scanner.
pub fn rules() -> Vec<Rule> {
    rules::all().to_vec()
}

/// Scans `cfg.target`. Blocks; runs its own single-threaded async runtime.
pub fn run(
    cfg: DastConfig,
    inspector: Option<Arc<dyn ResponseInspector>>,
    progress: Option<ProgressFn>,
) -> Result<DastReport, DastError> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| DastError::Setup(e.to_string()))?;
    rt.block_on(run_async(cfg, inspector, progress))
}

struct Discovery {
    pages: Vec<Url>,
    endpoints: Vec<Endpoint>,
    forms: Vec<(Url, Form)>,
}

async fn run_async(
    cfg: DastConfig,
    inspector: Option<Arc<dyn ResponseInspector>>,
    progress: Option<ProgressFn>,
) -> Result<DastReport, DastError> {
    let target =
        Url::parse(&cfg.target).map_err(|e| DastError::Url(cfg.target.clone(), e.to_string()))?;
    if !matches!(target.scheme(), "http" | "https") {
        return Err(DastError::Url(
            cfg.target.clone(),
            "only http and https targets".into(),
        ));
    }
    let scope = scope::Scope::new(&target, &cfg.scope, &cfg.exclude, cfg.allow_destructive)?;
    let passive = Arc::new(passive::Passive::new(if cfg.passive {
        inspector.clone()
    } else {
        None
    }));
    let observer: Option<http::Observer> = cfg.passive.then(|| {
        let p = passive.clone();
        Box::new(move |req: &Request, resp: &http::Response| p.observe(req, resp)) as http::Observer
    });
    let engine = Arc::new(Engine::new(
        scope,
        cfg.limits.clone(),
        cfg.headers.clone(),
        observer,
        progress,
    )?);
    let oob = if cfg.active || cfg.llm {
        Some(Arc::new(oob::Listener::start()?))
    } else {
        None
    };
    let ctx = Arc::new(Ctx {
        engine: engine.clone(),
        oob,
        allow_destructive: cfg.allow_destructive,
        time_unit: cfg.time_unit,
        findings: Mutex::new(Vec::new()),
        diagnostics: Mutex::new(Vec::new()),
    });

    if let Some(login) = &cfg.login {
        let url = target
            .join(&login.url)
            .map_err(|e| DastError::Url(login.url.clone(), e.to_string()))?;
        let logged_in = login
            .logged_in_regex
            .as_deref()
            .map(|r| Regex::new(r).map_err(|e| DastError::Regex(r.to_string(), e.to_string())))
            .transpose()?;
        let keeper = Arc::new(auth::FormLogin {
            cfg: auth::LoginConfig {
                url,
                fields: login.fields.clone(),
                logged_in,
            },
        });
        keeper.login(&engine).await?;
        engine.set_session_keeper(keeper);
    }

    let mut disc = discover(&ctx, &cfg, &target).await;
    let mut stats = DastStats {
        pages: disc.pages.len(),
        ..DastStats::default()
    };

    if cfg.passive {
        let mut urls: Vec<Url> = vec![target.clone()];
        let mut seen = HashSet::new();
        for p in &disc.pages {
            if seen.insert(p.path().to_string()) {
                urls.push(p.clone());
            }
        }
        active::cors(&ctx, &urls).await;
    }

    // Endpoints: de-duplicated; forms that log out or only submit nothing are skipped.
    let mut seen = HashSet::new();
    disc.endpoints
        .retain(|e| engine.in_scope(&e.method, &e.url) && seen.insert(e.key()));
    stats.endpoints = disc.endpoints.len();

    if cfg.active {
        let mut set = tokio::task::JoinSet::new();
        for ep in disc.endpoints.iter().filter(|e| !e.params.is_empty()) {
            set.spawn(active::scan_endpoint(ctx.clone(), ep.clone()));
        }
        while set.join_next().await.is_some() {}
        active::stored_xss(&ctx, &disc.forms, &disc.pages).await;
        active::csrf(&ctx, &disc.forms).await;
        active::login_forms(&ctx, &disc.forms).await;
        if cfg.allow_destructive {
            active::uploads(&ctx, &disc.forms).await;
        }
        active::xxe(&ctx, &disc.endpoints).await;
        active::methods(&ctx, &target).await;
    }

    if cfg.llm {
        let mut targets = llm::detect(&ctx, &target).await;
        for c in &cfg.llm_endpoints {
            match target.join(&c.url) {
                Ok(url) => targets.push(LlmTarget {
                    kind: LlmKind::Custom {
                        template: c.body_template.clone(),
                        reply_path: c.reply_path.clone(),
                    },
                    url,
                    model: None,
                }),
                Err(e) => ctx.note(format!("--llm-endpoint {}: {e}", c.url)),
            }
        }
        stats.llm_endpoints = targets.len();
        let probes = llm::LlmProbes {
            ctx: &ctx,
            inspector: inspector.clone(),
            max_words: cfg.llm_max_words,
            burst: cfg.llm_burst,
        };
        for t in &targets {
            if engine.exhausted() {
                break;
            }
            probes.run(t).await;
        }
        for (ep, i) in llm::chat_pages(&disc.endpoints) {
            llm::output_handling(&ctx, &ep, i).await;
        }
        llm::model_servers(&ctx, &target).await;
    }

    let mut findings: Vec<Finding> = passive.findings();
    findings.extend(ctx.findings.lock().map(|f| f.clone()).unwrap_or_default());
    let mut findings = merge(findings);
    if let Some(rf) = &cfg.rules_file {
        rf.apply(&mut findings);
    }
    let mut diagnostics = ctx
        .diagnostics
        .lock()
        .map(|d| d.clone())
        .unwrap_or_default();
    if engine.requests_sent() >= cfg.limits.max_requests {
        diagnostics.push(Diagnostic::warning("dast", None, format!("stopped at the request budget ({} requests); raise --max-requests for full coverage", cfg.limits.max_requests)));
    }
    if engine.elapsed() >= cfg.limits.max_time {
        diagnostics.push(Diagnostic::warning(
            "dast",
            None,
            "stopped at the time budget (--max-time); coverage is partial",
        ));
    }
    stats.requests = engine.requests_sent();
    stats.refused = engine.refused_count();
    stats.relogins = engine.relogins();
    stats.duration = engine.elapsed();
    Ok(DastReport {
        findings,
        diagnostics,
        stats,
        refused_urls: engine.refused_urls(),
        pages: disc.pages.iter().map(|u| u.to_string()).collect(),
    })
}

/// One finding per fingerprint, with the locations of its duplicates (up to five).
fn merge(findings: Vec<Finding>) -> Vec<Finding> {
    let mut by_fp: BTreeMap<String, Finding> = BTreeMap::new();
    for f in findings {
        match by_fp.get_mut(f.fingerprint.as_str()) {
            Some(existing) => {
                for l in f.locations {
                    if existing.locations.len() < 5 && !existing.locations.contains(&l) {
                        existing.locations.push(l);
                    }
                }
            }
            None => {
                by_fp.insert(f.fingerprint.to_string(), f);
            }
        }
    }
    let mut out: Vec<Finding> = by_fp.into_values().collect();
    out.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.rule_id.cmp(&b.rule_id))
            .then_with(|| a.locations[0].display().cmp(&b.locations[0].display()))
    });
    out
}

async fn discover(ctx: &Arc<Ctx>, cfg: &DastConfig, target: &Url) -> Discovery {
    let engine = &ctx.engine;
    let mut seeds = vec![target.clone()];
    let root = target.join("/").unwrap_or_else(|_| target.clone());
    if let Ok(robots) = root.join("robots.txt")
        && let Some(r) = ctx.send(Request::get(robots)).await
        && r.status == 200
    {
        let (paths, maps) = discover::parse_robots(&root, &r.text());
        seeds.extend(paths);
        let mut maps = maps;
        if let Ok(m) = root.join("sitemap.xml") {
            maps.push(m);
        }
        seeds.extend(sitemaps(ctx, maps).await);
    } else if let Ok(m) = root.join("sitemap.xml") {
        seeds.extend(sitemaps(ctx, vec![m]).await);
    }
    let mut disc = spider(ctx, seeds, cfg.max_depth, cfg.max_pages).await;
    if cfg.openapi.is_none() {
        // Well-known document locations, so an API describes itself without --openapi.
        for path in [
            "/openapi.json",
            "/swagger.json",
            "/v3/api-docs",
            "/openapi.yaml",
        ] {
            let Ok(u) = root.join(path) else { continue };
            let Some(r) = ctx.send(Request::get(u.clone())).await else {
                continue;
            };
            if r.status == 200
                && let Ok(eps) = discover::load_openapi(&r.text(), &u)
            {
                disc.endpoints.extend(eps);
                break;
            }
        }
    }
    if let Some(spec) = &cfg.openapi {
        let loaded = if spec.starts_with("http://") || spec.starts_with("https://") {
            match Url::parse(spec) {
                Ok(u) => match ctx.send(Request::get(u.clone())).await {
                    Some(r) => discover::load_openapi(&r.text(), &u).map_err(|e| (spec.clone(), e)),
                    None => Err((
                        spec.clone(),
                        "could not be fetched (out of scope or unreachable)".into(),
                    )),
                },
                Err(e) => Err((spec.clone(), e.to_string())),
            }
        } else {
            match std::fs::read_to_string(spec) {
                Ok(text) => discover::load_openapi(&text, target).map_err(|e| (spec.clone(), e)),
                Err(e) => Err((spec.clone(), e.to_string())),
            }
        };
        match loaded {
            Ok(eps) => disc.endpoints.extend(eps),
            Err((path, message)) => {
                push_diag(ctx, Diagnostic::error("dast", Some(&path), None, message))
            }
        }
    }
    if let Some(har) = &cfg.har {
        let name = har.display().to_string();
        match std::fs::read_to_string(har)
            .map_err(|e| e.to_string())
            .and_then(|t| discover::load_har(&t))
        {
            Ok(eps) => {
                for e in &eps {
                    if e.method == "GET" && engine.in_scope("GET", &e.url) {
                        disc.pages.push(e.url.clone());
                    }
                }
                disc.endpoints.extend(eps);
            }
            Err(message) => push_diag(ctx, Diagnostic::error("dast", Some(&name), None, message)),
        }
    }
    graphql(ctx, &root, &disc.pages).await;
    disc
}

fn push_diag(ctx: &Ctx, d: Diagnostic) {
    if let Ok(mut v) = ctx.diagnostics.lock() {
        v.push(d);
    }
}

async fn sitemaps(ctx: &Ctx, mut queue: Vec<Url>) -> Vec<Url> {
    let mut out = Vec::new();
    let mut fetched = 0;
    while let Some(u) = queue.pop() {
        if fetched >= 20 {
            break;
        }
        fetched += 1;
        let Some(r) = ctx.send(Request::get(u.clone())).await else {
            continue;
        };
        if r.status != 200 {
            continue;
        }
        for loc in discover::parse_sitemap(&u, &r.text()) {
            if loc.path().ends_with(".xml") {
                queue.push(loc);
            } else {
                out.push(loc);
            }
        }
    }
    out
}

async fn spider(ctx: &Arc<Ctx>, seeds: Vec<Url>, max_depth: usize, max_pages: usize) -> Discovery {
    let engine = ctx.engine.clone();
    let mut visited: HashSet<String> = HashSet::new();
    let mut frontier: Vec<Url> = Vec::new();
    let mut disc = Discovery {
        pages: Vec::new(),
        endpoints: Vec::new(),
        forms: Vec::new(),
    };
    let mut form_keys = HashSet::new();
    for s in seeds {
        if engine.in_scope("GET", &s) && visited.insert(Endpoint::from_url(&s, "spider").key()) {
            frontier.push(s);
        }
    }
    for _depth in 0..=max_depth {
        if frontier.is_empty() || engine.exhausted() {
            break;
        }
        let mut set = tokio::task::JoinSet::new();
        for u in std::mem::take(&mut frontier) {
            if disc.pages.len() >= max_pages {
                break;
            }
            disc.pages.push(u.clone());
            let e = engine.clone();
            set.spawn(async move { (u.clone(), e.send(Request::get(u).passive()).await) });
        }
        while let Some(joined) = set.join_next().await {
            let Ok((u, result)) = joined else { continue };
            let resp = match result {
                Ok(r) => r,
                Err(e) => {
                    if matches!(e, DastError::Http { .. }) {
                        ctx.note(e.to_string());
                    }
                    continue;
                }
            };
            if u.query().is_some() {
                disc.endpoints.push(Endpoint::from_url(&u, "spider"));
            }
            if !resp.is_html() {
                continue;
            }
            let info = discover::extract_page(&resp.url, &resp.text());
            for form in info.forms {
                let ep = form.endpoint(&resp.url, "form");
                if form_keys.insert(ep.key()) {
                    if form.method == "GET" {
                        let mut fu = ep.request().url;
                        fu.set_fragment(None);
                        if engine.in_scope("GET", &fu)
                            && visited.insert(Endpoint::from_url(&fu, "form").key())
                        {
                            frontier.push(fu);
                        }
                    }
                    disc.endpoints.push(ep);
                    disc.forms.push((resp.url.clone(), form));
                }
            }
            for link in info.links.into_iter().chain(info.script_urls) {
                if !engine.in_scope("GET", &link) {
                    continue;
                }
                if visited.insert(Endpoint::from_url(&link, "spider").key()) {
                    frontier.push(link);
                }
            }
        }
    }
    disc
}

async fn graphql(ctx: &Ctx, root: &Url, pages: &[Url]) {
    let mut candidates: Vec<Url> = ["/graphql", "/api/graphql"]
        .iter()
        .filter_map(|p| root.join(p).ok())
        .collect();
    candidates.extend(
        pages
            .iter()
            .filter(|p| p.path().contains("graphql"))
            .cloned(),
    );
    candidates.dedup();
    let body = serde_json::to_vec(&serde_json::json!({"query": discover::GRAPHQL_INTROSPECTION}))
        .unwrap_or_default();
    for u in candidates {
        let req = Request::new("POST", u.clone()).body("application/json", body.clone());
        let Some(resp) = ctx.send(req.clone()).await else {
            continue;
        };
        if let Some(n) = discover::graphql_schema_types(&resp.body) {
            ctx.report(findings::url_finding(
                "dast/graphql-introspection",
                "POST",
                &u,
                None,
                format!("Introspection returned the schema ({n} types)"),
                findings::evidence(format!("{}\n{}", req.describe(), resp.describe(None)), &[]),
            ));
            return;
        }
    }
}
