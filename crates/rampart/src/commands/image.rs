//! `rampart image REF`: a container image scanned layer by layer. The image is read by
//! rampart-image; its files go to the static scanners through rampart-core (secrets on every
//! layer, the others on the final view), and its config to the image rules and, as text, to
//! the secrets scanner.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::{ArgMatches, Args};
use rampart_core::pipeline::ScanStats;
use rampart_core::scanner::{Diagnostic, DiagnosticLevel, FileInfo};
use rampart_core::walk::{collect, scan_with, wanting};
use rampart_core::{FileTarget, Rule, ScanContext, ScanOutput, Scanner};
use rampart_image::checks::{self, human_bytes};
use rampart_image::scan::Attribution;
use rampart_image::{Limits, Platform, PullOptions, ScanPlan};
use rampart_sca::Package;

use super::common::{CommonArgs, finish};
use super::scan::scan_path;
use crate::scanners;

/// How to reach an image (shared with `rampart sbom --image`).
#[derive(Args, Debug, Clone)]
pub struct ImageSourceArgs {
    /// Platform to pick from a multi-arch index (os/arch[/variant]).
    #[arg(long, default_value = "linux/amd64")]
    pub platform: String,
    /// Reach this registry (host[:port]) over plain HTTP; repeatable.
    #[arg(long = "insecure-registry", value_name = "HOST")]
    pub insecure_registries: Vec<String>,
    /// Registry user name (the password is read from RAMPART_REGISTRY_PASSWORD); otherwise
    /// ~/.docker/config.json (auths, credHelpers, credsStore) is used.
    #[arg(long)]
    pub username: Option<String>,
    /// Docker config file with registry credentials [default: $DOCKER_CONFIG/config.json or
    /// ~/.docker/config.json].
    #[arg(long, value_name = "FILE")]
    pub docker_config: Option<PathBuf>,
    /// Stop reading an image past this many decompressed bytes.
    #[arg(long, value_name = "BYTES")]
    pub max_image_bytes: Option<u64>,
}

impl ImageSourceArgs {
    fn pull_options(&self) -> Result<PullOptions> {
        let credentials = match &self.username {
            Some(u) => Some(rampart_image::Credentials {
                username: u.clone(),
                password: std::env::var("RAMPART_REGISTRY_PASSWORD").context(
                    "--username needs the password in the RAMPART_REGISTRY_PASSWORD environment variable",
                )?,
            }),
            None => None,
        };
        Ok(PullOptions {
            insecure: self.insecure_registries.clone(),
            credentials,
            docker_config: self.docker_config.clone(),
        })
    }

    fn limits(&self) -> Limits {
        let mut l = Limits::default();
        if let Some(b) = self.max_image_bytes {
            l.max_total_bytes = b;
        }
        l
    }

    /// Opens the image `reference` names.
    pub fn open(&self, reference: &str) -> Result<rampart_image::Image> {
        let platform = Platform::parse(&self.platform)?;
        rampart_image::open(reference, &platform, &self.pull_options()?)
            .with_context(|| format!("cannot read image {reference}"))
    }
}

#[derive(Args, Debug)]
pub struct ImageArgs {
    /// The image: a registry reference (host[:port]/repo:tag or @sha256:…), a docker save
    /// archive, an OCI layout directory or an oci-archive tar (PATH or PATH:TAG).
    #[arg(required_unless_present = "rootfs")]
    pub reference: Option<String>,
    /// Scan an unpacked root filesystem instead of an image.
    #[arg(long, value_name = "DIR", conflicts_with = "reference")]
    pub rootfs: Option<PathBuf>,
    #[command(flatten)]
    pub source: ImageSourceArgs,
    /// Advisory database folder [default: `[scanner.sca] db`, else <user cache>/rampart/osv].
    #[arg(long = "db", value_name = "DIR", env = "RAMPART_DB")]
    pub db: Option<PathBuf>,
    /// Leave out vulnerabilities that have no fixed version.
    #[arg(long)]
    pub ignore_unfixed: bool,
    /// Scanners to run on the image's files (comma-separated) [default: every static scanner
    /// but sast].
    #[arg(long, value_delimiter = ',')]
    pub scanners: Option<Vec<String>>,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Collects the package inventory of the final view: the SBOM and the package counts.
struct InventoryCollector {
    packages: Mutex<Vec<Package>>,
}

impl Scanner for InventoryCollector {
    fn name(&self) -> &'static str {
        "inventory"
    }

    fn rules(&self) -> Vec<Rule> {
        Vec::new()
    }

    fn wants(&self, file: &FileInfo<'_>, _ctx: &ScanContext) -> bool {
        rampart_sca::inventory::detect(file.rel_path).is_some()
    }

    fn scan_file(&self, ctx: &ScanContext, file: &FileTarget<'_>, out: &mut ScanOutput) {
        let rel = file.info.rel_path;
        let (Some(format), Some(content)) = (rampart_sca::inventory::detect(rel), file.content)
        else {
            return;
        };
        match rampart_sca::inventory::parse(format, ctx, rel, file.info.path, content) {
            Ok(mut p) => self
                .packages
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .append(&mut p),
            Err(e) => out.diagnostic(Diagnostic::error(
                "inventory",
                Some(&e.file),
                e.line,
                e.message,
            )),
        }
    }
}

/// What an image scan found, before reporting.
pub struct ImageOutcome {
    pub output: ScanOutput,
    pub packages: Vec<Package>,
    pub stats: ScanStats,
    pub image: rampart_image::Image,
}

/// Reads `reference` and runs `every_layer` and `final_view` scanners over it, plus the image
/// rules; `inventory` also collects the final view's packages.
pub fn scan_image_ref(
    reference: &str,
    source: &ImageSourceArgs,
    every_layer: &[Box<dyn Scanner>],
    final_view: Vec<Box<dyn Scanner>>,
    threads: usize,
) -> Result<ImageOutcome> {
    let started = Instant::now();
    let image = source.open(reference)?;
    // Scanners resolve references between files (`-r other.txt`) inside the scan root; image
    // files are never on disk, so the root is an empty directory and nothing resolves there.
    let empty_root =
        rampart_image::scan::EmptyRoot::new().context("cannot create a temporary directory")?;
    let ctx = ScanContext::new(empty_root.path());
    let collector = std::sync::Arc::new(InventoryCollector {
        packages: Mutex::new(Vec::new()),
    });
    let names: Vec<String> = every_layer
        .iter()
        .chain(&final_view)
        .map(|s| s.name().to_string())
        .collect();
    let mut final_view = final_view;
    final_view.push(Box::new(SharedScanner(collector.clone())));
    let limits = source.limits();
    let plan = ScanPlan {
        ctx: &ctx,
        every_layer,
        final_view: &final_view,
        limits: &limits,
        threads,
    };
    let scan = rampart_image::scan_image(&image, &plan)
        .with_context(|| format!("cannot scan image {reference}"))?;
    let mut output = scan.output;
    let attr = Attribution {
        image: &image,
        view: &scan.view,
        layers: &scan.layers,
    };
    // The config as text for the every-layer scanners (secrets in ENV, labels, history).
    for (path, text) in checks::config_texts(&image.config) {
        let abs = ctx.root.join(&path);
        let bytes = text.as_bytes();
        let head = &bytes[..bytes.len().min(rampart_core::walk::HEAD_LEN)];
        let info = FileInfo::from_head(&abs, &path, bytes.len() as u64, head);
        let want = wanting(&ctx, every_layer, &info);
        let mut out = ScanOutput::default();
        scan_with(&ctx, &want, info, Some(bytes), &mut out);
        for f in out.findings {
            output.push(attr.image_wide(f));
        }
        output.diagnostics.extend(out.diagnostics);
    }
    output.findings.extend(checks::config_findings(&image));
    output
        .findings
        .extend(checks::toolchain_findings(&image, &scan.view, &scan.layers));
    drop(final_view);
    let packages =
        std::mem::take(&mut *collector.packages.lock().unwrap_or_else(|e| e.into_inner()));
    // The image summary: size and instruction per layer, packages per ecosystem.
    for l in &scan.layers {
        output.diagnostics.push(note(format!(
            "layer {} {}: {} {} ({} unpacked, {} entries){}",
            l.index,
            l.digest,
            human_bytes(l.compressed_bytes),
            l.compression,
            human_bytes(l.uncompressed_bytes),
            l.files,
            l.instruction
                .as_deref()
                .map(|i| format!(": {}", truncate(i, 120)))
                .unwrap_or_default()
        )));
    }
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for p in &packages {
        *counts.entry(p.osv_ecosystem()).or_default() += 1;
    }
    let counts_text: Vec<String> = counts.iter().map(|(e, n)| format!("{e}: {n}")).collect();
    output.diagnostics.push(note(format!(
        "image {} ({}): {} layers, {} files in the final view, {} packages{}",
        image.name,
        image.digest,
        scan.layers.len(),
        scan.view.files.len(),
        packages.len(),
        if counts_text.is_empty() {
            String::new()
        } else {
            format!(" ({})", counts_text.join(", "))
        }
    )));
    let stats = ScanStats {
        files_scanned: scan.files_scanned,
        bytes_scanned: scan.bytes_scanned,
        files_skipped: scan.files_skipped,
        duration_ms: started.elapsed().as_millis() as u64,
        scanners: names,
    };
    Ok(ImageOutcome {
        output,
        packages,
        stats,
        image,
    })
}

/// Lets the collector be both a scanner of the plan and read afterwards.
struct SharedScanner(std::sync::Arc<InventoryCollector>);

impl Scanner for SharedScanner {
    fn name(&self) -> &'static str {
        self.0.name()
    }
    fn rules(&self) -> Vec<Rule> {
        Vec::new()
    }
    fn wants(&self, file: &FileInfo<'_>, ctx: &ScanContext) -> bool {
        self.0.wants(file, ctx)
    }
    fn scan_file(&self, ctx: &ScanContext, file: &FileTarget<'_>, out: &mut ScanOutput) {
        self.0.scan_file(ctx, file, out)
    }
}

fn note(message: String) -> Diagnostic {
    Diagnostic {
        level: DiagnosticLevel::Note,
        scanner: "image".into(),
        path: None,
        line: None,
        message,
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

pub fn run(args: ImageArgs, matches: Option<&ArgMatches>) -> Result<ExitCode> {
    let config = args.common.load_config(std::path::Path::new("."))?;
    let mut sca_cfg: rampart_sca::ScaConfig = config.scanner_config("sca")?;
    if args.db.is_some() {
        sca_cfg.db = args.db.clone();
    }
    sca_cfg.ignore_unfixed |= args.ignore_unfixed;
    let wanted: Vec<String> = match &args.scanners {
        Some(s) => s.clone(),
        None => scanners::SCANNERS
            .iter()
            .map(|e| e.name.to_string())
            .filter(|n| n != "sast" && n != "image")
            .collect(),
    };
    let mut every_layer: Vec<Box<dyn Scanner>> = Vec::new();
    let mut final_view: Vec<Box<dyn Scanner>> = Vec::new();
    for name in &wanted {
        let scanner: Box<dyn Scanner> = match name.as_str() {
            "sca" => Box::new(rampart_sca::ScaScanner::new(sca_cfg.clone())?),
            "image" => continue,
            other => {
                let Some(entry) = scanners::SCANNERS.iter().find(|e| e.name == other) else {
                    bail!("unknown scanner `{other}`");
                };
                (entry.build)(&config)?
            }
        };
        // A secret deleted by a later layer is still in the image; a package or a model file
        // is only what the final view shows.
        if scanner.name() == "secrets" {
            every_layer.push(scanner);
        } else {
            final_view.push(scanner);
        }
    }
    let mut rule_sources: Vec<Box<dyn Scanner>> = vec![Box::new(checks::ImageRules)];
    let mut names: Vec<String> = vec!["image".into()];
    names.extend(every_layer.iter().map(|s| s.name().to_string()));
    names.extend(final_view.iter().map(|s| s.name().to_string()));

    if let Some(root) = &args.rootfs {
        let all: Vec<Box<dyn Scanner>> = every_layer.into_iter().chain(final_view).collect();
        let rules = scanners::registry(&all)?;
        let mut result = scan_path(root, &all, &config, &args.common)?;
        let name = root.display().to_string();
        for f in &mut result.findings {
            f.locations = std::mem::take(&mut f.locations)
                .into_iter()
                .map(|l| l.in_image(&name, None))
                .collect();
        }
        return finish(result, &rules, &config, &args.common, matches);
    }

    let reference = args.reference.clone().unwrap_or_default();
    let rule_registry = {
        rule_sources.extend(
            wanted
                .iter()
                .filter(|n| n.as_str() != "image")
                .filter_map(|n| scanners::SCANNERS.iter().find(|e| e.name == n))
                .map(|e| (e.build)(&config))
                .collect::<Result<Vec<_>>>()?,
        );
        scanners::registry(&rule_sources)?
    };
    let outcome = scan_image_ref(
        &reference,
        &args.source,
        &every_layer,
        final_view,
        args.common.threads,
    )?;
    let mut stats = outcome.stats;
    stats.scanners = names;
    let result = collect(outcome.output, stats);
    finish(result, &rule_registry, &config, &args.common, matches)
}
