//! `rampart dast URL`: crawl and attack a running application, its APIs and LLM endpoints. The
//! engine is `rampart-dast`; this command parses arguments, plugs the secrets scanner into the
//! response hook, and hands the findings to the shared report/gate pipeline.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::{ArgMatches, Args};
use rampart_core::pipeline::{ScanResult, ScanStats};
use rampart_core::scanner::{FileInfo, FileTarget, ScanContext, ScanOutput};
use rampart_core::{Finding, Rule, RuleRegistry, Scanner};
use rampart_dast::{CustomLlm, DastConfig, LoginSettings, ResponseInspector, RulesFile};

use super::common::{CommonArgs, finish};

#[derive(Args, Debug)]
pub struct DastArgs {
    /// The application's URL (http or https). Only its origin is in scope unless --scope says otherwise.
    pub url: String,
    /// Also in scope: a URL prefix (http://… or https://…) or a regular expression over URLs. Repeatable; replaces the same-origin default.
    #[arg(long = "scope", value_name = "PREFIX|REGEX")]
    pub scope: Vec<String>,
    /// Never request URLs matching this regular expression. Repeatable.
    #[arg(long = "exclude", value_name = "REGEX")]
    pub exclude: Vec<String>,
    /// Send this header with every request, e.g. 'Authorization: Bearer …' or 'Cookie: session=…'. Repeatable.
    #[arg(long = "header", short = 'H', value_name = "NAME: VALUE")]
    pub headers: Vec<String>,
    /// Stop after this many requests.
    #[arg(long, default_value_t = 20_000)]
    pub max_requests: u64,
    /// Stop after this long: seconds, or with a unit (90s, 15m, 1h).
    #[arg(long, default_value = "30m", value_parser = parse_duration)]
    pub max_time: Duration,
    /// Requests in flight at once.
    #[arg(long, default_value_t = 8)]
    pub concurrency: usize,
    /// Requests per second at most (0 = no limit).
    #[arg(long, default_value_t = 0.0)]
    pub rate: f64,
    /// Timeout of one request.
    #[arg(long, default_value = "20s", value_parser = parse_duration)]
    pub timeout: Duration,
    /// Spider depth from the start page.
    #[arg(long, default_value_t = 6)]
    pub max_depth: usize,
    /// Pages the spider fetches at most.
    #[arg(long, default_value_t = 500)]
    pub max_pages: usize,
    /// Also run state-changing probes of destructive kinds (file upload, PUT/DELETE, OpenAPI PUT/PATCH/DELETE operations).
    #[arg(long)]
    pub allow_destructive: bool,
    /// An OpenAPI 3 or Swagger 2 document (file or URL) whose operations are scanned with generated example requests.
    #[arg(long, value_name = "FILE|URL")]
    pub openapi: Option<String>,
    /// A HAR file recorded in a browser; its requests are scanned.
    #[arg(long, value_name = "FILE")]
    pub har: Option<PathBuf>,
    /// The login page of a form login.
    #[arg(long, value_name = "URL")]
    pub login_url: Option<String>,
    /// A login form field, e.g. username=alice. Repeatable; hidden fields such as CSRF tokens are taken from the page.
    #[arg(long = "login-field", value_name = "NAME=VALUE")]
    pub login_fields: Vec<String>,
    /// A regular expression matching a page only a logged-in user sees.
    #[arg(long, value_name = "REGEX")]
    pub logged_in_regex: Option<String>,
    /// A custom JSON LLM API to probe (besides the OpenAI/Ollama/TGI endpoints found on their own).
    #[arg(long, value_name = "URL")]
    pub llm_endpoint: Option<String>,
    /// Body template of --llm-endpoint with a {prompt} slot.
    #[arg(long, value_name = "JSON", default_value = r#"{"prompt": "{prompt}"}"#)]
    pub llm_body: String,
    /// Dotted path of the reply in --llm-endpoint's JSON response (e.g. answer, choices.0.text).
    #[arg(long, value_name = "PATH", default_value = "response")]
    pub llm_reply: String,
    /// Skip the active (attacking) checks.
    #[arg(long)]
    pub no_active: bool,
    /// Skip the passive checks.
    #[arg(long)]
    pub no_passive: bool,
    /// Skip the LLM and model-server probes.
    #[arg(long)]
    pub no_llm: bool,
    /// Rule levels like ZAP's rules.tsv: `rule<TAB>IGNORE|WARN|FAIL[<TAB>url-regex]` (or TOML [[rule]] entries).
    #[arg(long, value_name = "FILE")]
    pub rules_file: Option<PathBuf>,
    /// Accept invalid TLS certificates (self-signed staging servers).
    #[arg(long)]
    pub insecure: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let (num, mult) = match s.char_indices().next_back() {
        Some((i, 's')) => (&s[..i], 1.0),
        Some((i, 'm')) => (&s[..i], 60.0),
        Some((i, 'h')) => (&s[..i], 3600.0),
        _ => (s, 1.0),
    };
    let v: f64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a duration (90s, 15m, 1h)"))?;
    if !(v.is_finite() && v > 0.0) {
        return Err(format!("`{s}` must be positive"));
    }
    Ok(Duration::from_secs_f64(v * mult))
}

/// The secrets scanner looking at response bodies, through the DAST crate's hook.
pub(crate) struct SecretsInResponses {
    pub(crate) scanner: rampart_secrets::SecretsScanner,
    pub(crate) ctx: ScanContext,
}

impl ResponseInspector for SecretsInResponses {
    fn rules(&self) -> Vec<Rule> {
        self.scanner.rules()
    }

    fn inspect(&self, url: &str, _content_type: &str, body: &[u8]) -> Vec<Finding> {
        let name = url.split(['?', '#']).next().unwrap_or(url);
        let head = &body[..body.len().min(8192)];
        let info = FileInfo {
            path: Path::new(name),
            rel_path: name,
            size: body.len() as u64,
            head,
            is_binary: head.contains(&0),
        };
        if !self.scanner.wants(&info, &self.ctx) {
            return Vec::new();
        }
        let mut out = ScanOutput::default();
        self.scanner.scan_file(
            &self.ctx,
            &FileTarget {
                info,
                content: Some(body),
            },
            &mut out,
        );
        out.findings
    }
}

pub fn run(args: DastArgs, matches: Option<&ArgMatches>) -> Result<ExitCode> {
    let config = args.common.load_config(Path::new("."))?;
    let mut cfg = DastConfig::new(args.url.clone());
    cfg.scope = args.scope.clone();
    cfg.exclude = args.exclude.clone();
    for h in &args.headers {
        let Some((name, value)) = h.split_once(':') else {
            bail!("--header `{h}`: expected 'Name: value'");
        };
        cfg.headers
            .push((name.trim().to_string(), value.trim().to_string()));
    }
    cfg.limits.max_requests = args.max_requests;
    cfg.limits.max_time = args.max_time;
    cfg.limits.concurrency = args.concurrency.max(1);
    cfg.limits.rate = args.rate.max(0.0);
    cfg.limits.timeout = args.timeout;
    cfg.limits.accept_invalid_certs = args.insecure;
    cfg.max_depth = args.max_depth;
    cfg.max_pages = args.max_pages;
    cfg.allow_destructive = args.allow_destructive;
    cfg.openapi = args.openapi.clone();
    cfg.har = args.har.clone();
    cfg.active = !args.no_active;
    cfg.passive = !args.no_passive;
    cfg.llm = !args.no_llm;
    if let Some(url) = &args.login_url {
        let mut fields = Vec::new();
        for f in &args.login_fields {
            let Some((k, v)) = f.split_once('=') else {
                bail!("--login-field `{f}`: expected name=value");
            };
            fields.push((k.to_string(), v.to_string()));
        }
        cfg.login = Some(LoginSettings {
            url: url.clone(),
            fields,
            logged_in_regex: args.logged_in_regex.clone(),
        });
    } else if !args.login_fields.is_empty() {
        bail!("--login-field needs --login-url");
    }
    if let Some(url) = &args.llm_endpoint {
        if !args.llm_body.contains("{prompt}") {
            bail!("--llm-body must contain a {{prompt}} slot");
        }
        cfg.llm_endpoints.push(CustomLlm {
            url: url.clone(),
            body_template: args.llm_body.clone(),
            reply_path: args.llm_reply.clone(),
        });
    }
    if let Some(path) = &args.rules_file {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let is_toml = path.extension().is_some_and(|e| e == "toml");
        cfg.rules_file = Some(RulesFile::parse(
            &path.display().to_string(),
            &text,
            is_toml,
        )?);
    }

    let secrets_cfg: rampart_secrets::SecretsConfig = config.scanner_config("secrets")?;
    let inspector = Arc::new(SecretsInResponses {
        scanner: rampart_secrets::SecretsScanner::new(secrets_cfg)?,
        ctx: ScanContext::new("."),
    });
    let mut rules = RuleRegistry::new();
    for r in rampart_dast::rules().into_iter().chain(inspector.rules()) {
        rules.insert(r)?;
    }

    let bar = args.common.progress().then(|| {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos} requests {elapsed} {wide_msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb.enable_steady_tick(Duration::from_millis(120));
        pb
    });
    let progress: Option<rampart_dast::ProgressFn> = bar.clone().map(|pb| {
        Arc::new(move |n: u64, url: &str| {
            pb.set_position(n);
            pb.set_message(url.to_string());
        }) as rampart_dast::ProgressFn
    });
    let inspector_dyn: Arc<dyn ResponseInspector> = inspector;
    let report = rampart_dast::run(cfg, Some(inspector_dyn), progress)?;
    if let Some(pb) = bar {
        pb.finish_and_clear();
    }
    let s = &report.stats;
    eprintln!(
        "dast: {} requests, {} pages, {} endpoints, {} LLM endpoints, {} out-of-scope URLs refused, {} re-logins, {:.1}s",
        s.requests,
        s.pages,
        s.endpoints,
        s.llm_endpoints,
        s.refused,
        s.relogins,
        s.duration.as_secs_f64()
    );
    let result = ScanResult {
        findings: report.findings,
        diagnostics: report.diagnostics,
        stats: ScanStats {
            files_scanned: s.pages as u64,
            duration_ms: s.duration.as_millis() as u64,
            scanners: vec!["dast".into()],
            ..ScanStats::default()
        },
    };
    finish(result, &rules, &config, &args.common, matches)
}
