//! `rampart ci --stage NAME`: one command per pipeline stage. The stage profile (scanners,
//! paths, gate, time budget) comes from rampart-pipeline with the `[stages.NAME]` overrides of
//! `rampart.toml`; this module builds the scanners, runs the stage's phases (staged files, the
//! tree with an optional diff against a base, the image, the SBOM, DAST), classifies findings as
//! new or existing in diff mode, writes every report with SSDF evidence, and gates on what counts.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::{ArgMatches, Args};
use rampart_core::baseline::Baseline;
use rampart_core::config::Config;
use rampart_core::pipeline::{ScanResult, postprocess};
use rampart_core::scanner::{Diagnostic, DiagnosticLevel, ScanContext};
use rampart_core::{Finding, RuleRegistry, Scanner, Severity, walk};
use rampart_pipeline::classify::{Classification, DiffStatus};
use rampart_pipeline::{BaseIndex, Repo, Stage, StageProfile};
use rampart_report::Extras;
use rampart_report::ssdf::{ConfiguredStage, EvidenceRun, SsdfEvidence};

use super::common::CommonArgs;
use super::image::ImageSourceArgs;
use super::scan::scan_path;
use crate::{output, scanners};

#[derive(Args, Debug)]
pub struct CiArgs {
    /// The pipeline stage to run.
    #[arg(long, value_parser = ["pre-commit", "pr", "build", "deploy", "staging"])]
    pub stage: String,
    /// The checkout to scan.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Gate only what the change introduces since the merge base of REF and HEAD. Default for
    /// the pr stage: `diff_base` of [stages.pr], else origin/$GITHUB_BASE_REF (GitHub Actions)
    /// or origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME (GitLab CI) when set.
    #[arg(long, value_name = "REF")]
    pub diff_base: Option<String>,
    /// Gate every finding: no diff against a base even when one is configured.
    #[arg(long, conflicts_with = "diff_base")]
    pub full: bool,
    /// The image to scan (build, deploy): a registry reference, a docker save / OCI archive or
    /// an OCI layout directory.
    #[arg(long, value_name = "REF")]
    pub image: Option<String>,
    /// The running deployment to test (staging).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Where the deploy stage writes its CycloneDX SBOM [default: `sbom` of [stages.deploy],
    /// else rampart-sbom.cdx.json].
    #[arg(long, value_name = "FILE")]
    pub sbom: Option<PathBuf>,
    /// Advisory database folder [default: `[scanner.sca] db`, else <user cache>/rampart/osv].
    #[arg(long = "db", value_name = "DIR", env = "RAMPART_DB")]
    pub db: Option<PathBuf>,
    #[command(flatten)]
    pub image_source: ImageSourceArgs,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Scanners that read files of a tree (or of staged changes).
const FILE_SCANNERS: [&str; 5] = ["secrets", "sast", "sca", "models", "iac"];

/// One phase of a stage run, for the SSDF evidence and the summary.
struct Phase {
    scanners: Vec<String>,
    started_at: String,
    duration_ms: u64,
    target: String,
    /// Findings of this phase are `findings[range]` of the stage result.
    range: std::ops::Range<usize>,
    skipped: Option<String>,
}

struct StageRun {
    result: ScanResult,
    rules: RuleRegistry,
    phases: Vec<Phase>,
    started: Instant,
    budget: Duration,
    diff: Option<DiffInfo>,
    /// Applied to each phase's result before it joins the stage's: rule overrides, ignore list,
    /// baseline (so phase ranges stay valid), then the stage's `paths`.
    config: Config,
    baseline: Option<(Baseline, String)>,
    paths: Option<globset::GlobSet>,
}

struct DiffInfo {
    base: String,
    merge_base: String,
    counts: Classification,
}

impl StageRun {
    fn add_rules(&mut self, scanners: &[Box<dyn Scanner>]) -> Result<()> {
        for s in scanners {
            self.add_rule_list(s.rules())?;
        }
        Ok(())
    }

    fn add_rule_list(&mut self, rules: Vec<rampart_core::Rule>) -> Result<()> {
        for r in rules {
            if self.rules.get(&r.id).is_none() {
                self.rules.insert(r)?;
            }
        }
        Ok(())
    }

    /// True (and the phase recorded as skipped) when the budget is already used up.
    fn over_budget(&mut self, scanners: &[&str], target: &str) -> bool {
        let used = self.started.elapsed();
        if used <= self.budget {
            return false;
        }
        let why = format!(
            "skipped: the stage's time budget of {} was used up after {:.1}s",
            human(self.budget),
            used.as_secs_f64()
        );
        self.result.diagnostics.push(Diagnostic::warning(
            "ci",
            None,
            format!("{} on {target} {why}", scanners.join(", ")),
        ));
        let at = self.result.findings.len();
        self.phases.push(Phase {
            scanners: scanners.iter().map(|s| s.to_string()).collect(),
            started_at: now_rfc3339(),
            duration_ms: 0,
            target: target.to_string(),
            range: at..at,
            skipped: Some(why),
        });
        true
    }

    fn absorb(
        &mut self,
        scanners: Vec<String>,
        target: String,
        started_at: String,
        t0: Instant,
        mut r: ScanResult,
    ) -> Result<()> {
        let today = jiff::ZonedDateTime::now().date();
        postprocess(
            &mut r,
            &self.config,
            self.baseline.as_ref().map(|(b, n)| (b, n.as_str())),
            today,
        )?;
        if let Some(m) = &self.paths {
            r.findings.retain(|f| {
                let mut paths = f.locations.iter().filter_map(|l| l.path()).peekable();
                paths.peek().is_none() || paths.any(|p| m.is_match(p))
            });
        }
        let from = self.result.findings.len();
        self.result.findings.extend(r.findings);
        self.result.diagnostics.extend(r.diagnostics);
        let s = &mut self.result.stats;
        s.files_scanned += r.stats.files_scanned;
        s.bytes_scanned += r.stats.bytes_scanned;
        s.files_skipped += r.stats.files_skipped;
        for name in &r.stats.scanners {
            if !s.scanners.contains(name) {
                s.scanners.push(name.clone());
            }
        }
        self.phases.push(Phase {
            scanners,
            started_at,
            duration_ms: t0.elapsed().as_millis() as u64,
            target,
            range: from..self.result.findings.len(),
            skipped: None,
        });
        Ok(())
    }
}

fn human(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 60.0 && s % 60.0 == 0.0 {
        format!("{}m", s as u64 / 60)
    } else {
        format!("{s}s")
    }
}

fn now_rfc3339() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string())
}

/// The diff base for this run: `--diff-base`, the stage's `diff_base`, or (pr only) the target
/// branch a CI system names.
fn diff_base(args: &CiArgs, profile: &StageProfile) -> Option<String> {
    if args.full {
        return None;
    }
    if let Some(b) = args.diff_base.clone().or_else(|| profile.diff_base.clone()) {
        return Some(b);
    }
    if profile.stage != Stage::Pr {
        return None;
    }
    ["GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .map(|b| format!("origin/{}", b.trim()))
}

/// Builds the file scanners named in `names`, with `--db` for the dependency scanner.
fn build_file_scanners(
    config: &Config,
    names: &[String],
    db: Option<&Path>,
) -> Result<Vec<Box<dyn Scanner>>> {
    let mut out: Vec<Box<dyn Scanner>> = Vec::new();
    for name in names {
        if name == "sca" {
            let mut cfg: rampart_sca::ScaConfig = config.scanner_config("sca")?;
            if let Some(db) = db {
                cfg.db = Some(db.to_path_buf());
            }
            out.push(Box::new(rampart_sca::ScaScanner::new(cfg)?));
        } else {
            let mut built = scanners::build(config, Some(std::slice::from_ref(name)))?;
            out.append(&mut built);
        }
    }
    Ok(out)
}

pub fn run(args: CiArgs, matches: Option<&ArgMatches>) -> Result<ExitCode> {
    let stage: Stage = args.stage.parse()?;
    if !args.path.exists() {
        bail!("{}: no such file or directory", args.path.display());
    }
    let config = args.common.load_config(&args.path)?;
    let mut profile = StageProfile::resolve(stage, &config.stages, config.fail_on)?;
    if let Some(f) = args.common.fail_on.as_deref() {
        profile.fail_on = if f == "none" { None } else { Some(f.parse()?) };
    }
    if let Some(i) = &args.image {
        profile.image = Some(i.clone());
    }
    if let Some(u) = &args.url {
        profile.url = Some(u.clone());
    }
    if let Some(s) = &args.sbom {
        profile.sbom = s.display().to_string();
    }
    // Say what the stage needs before anything runs.
    if profile.runs("image") && profile.image.is_none() {
        bail!(
            "stage `{stage}` scans the built container image, and none was given: pass --image REF \
             (a registry reference such as registry.example.com/team/app:1.2, a `docker save` or \
             OCI archive, or an OCI layout directory) or set `image = \"...\"` under [stages.{stage}] \
             in rampart.toml; to run without it, list the scanners under [stages.{stage}] without \"image\""
        );
    }
    if profile.runs("dast") && profile.url.is_none() {
        bail!(
            "stage `{stage}` tests the running deployment, and no URL was given: pass --url \
             https://staging.example.com/ or set `url = \"...\"` under [stages.{stage}] in rampart.toml"
        );
    }
    let diff_base = diff_base(&args, &profile);
    let repo = Repo::discover(&args.path).ok();
    let commit = repo.as_ref().and_then(Repo::head);

    let mut run = StageRun {
        result: ScanResult::default(),
        rules: RuleRegistry::new(),
        phases: Vec::new(),
        started: Instant::now(),
        budget: profile.time_budget,
        diff: None,
        config: config.clone(),
        baseline: match &args.common.baseline {
            Some(p) => Some((Baseline::load(p)?, p.display().to_string())),
            None => None,
        },
        paths: if profile.paths.is_empty() {
            None
        } else {
            Some(rampart_pipeline::stage::path_matcher(&profile.paths)?)
        },
    };
    let file_names: Vec<String> = profile
        .scanners
        .iter()
        .filter(|s| FILE_SCANNERS.contains(&s.as_str()))
        .cloned()
        .collect();

    let mut packages: Option<(String, Vec<rampart_sca::Package>)> = None;
    if !file_names.is_empty() {
        if stage == Stage::PreCommit {
            pre_commit(&args, &config, &profile, &file_names, &mut run)?;
        } else {
            tree(
                &args,
                &config,
                &file_names,
                diff_base.as_deref(),
                repo.as_ref(),
                &mut run,
            )?;
        }
    }
    if profile.runs("image")
        && let Some(reference) = profile.image.clone()
        && !run.over_budget(&["image"], &reference)
    {
        packages = Some((
            reference.clone(),
            image(&args, &config, &reference, &mut run)?,
        ));
    }
    if profile.runs("sbom") && !run.over_budget(&["sbom"], &profile.sbom) {
        sbom(&args, &config, &profile, packages, &mut run)?;
    }
    if profile.runs("dast")
        && let Some(url) = profile.url.clone()
        && !run.over_budget(&["dast"], &url)
    {
        dast(&config, &url, &mut run)?;
    }
    let elapsed = run.started.elapsed();
    if elapsed > run.budget {
        run.result.diagnostics.push(Diagnostic::warning(
            "ci",
            None,
            format!(
                "stage {stage} took {:.1}s, over its time budget of {} ([stages.{stage}] time_budget)",
                elapsed.as_secs_f64(),
                human(run.budget)
            ),
        ));
    }
    run.result.stats.duration_ms = elapsed.as_millis() as u64;

    finish_stage(run, &profile, &args, matches, commit, diff_base)
}

/// pre-commit: secrets on what the index adds over HEAD, the other file scanners on the staged
/// version of each staged file (read from the index, not the working tree).
fn pre_commit(
    args: &CiArgs,
    config: &Config,
    profile: &StageProfile,
    names: &[String],
    run: &mut StageRun,
) -> Result<()> {
    let repo = Repo::discover(&args.path)
        .context("the pre-commit stage scans staged changes and needs a git repository")?;
    if names.iter().any(|n| n == "secrets") && !run.over_budget(&["secrets"], "staged changes") {
        let t0 = Instant::now();
        let started_at = now_rfc3339();
        let cfg: rampart_secrets::SecretsConfig = config.scanner_config("secrets")?;
        let scanner = rampart_secrets::SecretsScanner::new(cfg)?;
        run.add_rule_list(scanner.rules())?;
        let (out, st) = rampart_secrets::scan_staged_with_stats(&scanner, &args.path)?;
        let result = walk::collect(
            out,
            rampart_core::pipeline::ScanStats {
                files_scanned: st.blobs,
                bytes_scanned: st.bytes,
                files_skipped: st.skipped,
                duration_ms: t0.elapsed().as_millis() as u64,
                scanners: vec!["secrets".into()],
            },
        );
        run.absorb(
            vec!["secrets".into()],
            "staged changes".into(),
            started_at,
            t0,
            result,
        )?;
    }
    let others: Vec<String> = names.iter().filter(|n| *n != "secrets").cloned().collect();
    let refs: Vec<&str> = others.iter().map(String::as_str).collect();
    if others.is_empty() || run.over_budget(&refs, "staged files") {
        return Ok(());
    }
    let t0 = Instant::now();
    let started_at = now_rfc3339();
    let mut staged = repo.staged_paths()?;
    if !profile.paths.is_empty() {
        let m = rampart_pipeline::stage::path_matcher(&profile.paths)?;
        staged.retain(|p| m.is_match(p));
    }
    let scanners = build_file_scanners(config, &others, args.db.as_deref())?;
    run.add_rules(&scanners)?;
    let dir = tempfile::tempdir().context("cannot create a temporary directory")?;
    let files: Vec<(String, String, String)> = staged
        .iter()
        .map(|p| (String::new(), p.clone(), p.clone()))
        .collect();
    repo.materialize(&files, dir.path())?;
    let mut result = scan_path(dir.path(), &scanners, config, &quiet(&args.common))?;
    result.stats.scanners = others.clone();
    run.absorb(
        others,
        format!("{} staged file(s)", staged.len()),
        started_at,
        t0,
        result,
    )?;
    Ok(())
}

/// Common args for inner scans: no progress bar.
fn quiet(common: &CommonArgs) -> CommonArgs {
    let mut c = common.clone();
    c.no_progress = true;
    c
}

/// The tree with every file scanner; with a diff base, every finding classified as new,
/// moved or existing against the base versions of the changed files.
fn tree(
    args: &CiArgs,
    config: &Config,
    names: &[String],
    diff_base: Option<&str>,
    repo: Option<&Repo>,
    run: &mut StageRun,
) -> Result<()> {
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let target = args.path.display().to_string();
    if run.over_budget(&refs, &target) {
        return Ok(());
    }
    let t0 = Instant::now();
    let started_at = now_rfc3339();
    let scanners = build_file_scanners(config, names, args.db.as_deref())?;
    run.add_rules(&scanners)?;
    let mut result = scan_path(&args.path, &scanners, config, &args.common)?;
    if let Some(base) = diff_base {
        let repo = repo.with_context(|| {
            format!(
                "--diff-base {base}: {} is not inside a git repository",
                args.path.display()
            )
        })?;
        let merge_base = repo.merge_base(base)?;
        let change = repo.changes_since(&merge_base)?;
        let index = base_index(args, config, names, repo, &merge_base, &change)?;
        let counts = rampart_pipeline::classify(&mut result.findings, &change, &index);
        run.diff = Some(DiffInfo {
            base: base.to_string(),
            merge_base,
            counts,
        });
    }
    run.absorb(names.to_vec(), target, started_at, t0, result)?;
    Ok(())
}

/// Scans the base versions of the files the change touched (at their new paths, so fingerprints
/// compare across renames), with fresh scanners of the same configuration.
fn base_index(
    args: &CiArgs,
    config: &Config,
    names: &[String],
    repo: &Repo,
    merge_base: &str,
    change: &rampart_pipeline::ChangeSet,
) -> Result<BaseIndex> {
    let mut files: Vec<(String, String, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (path, c) in &change.files {
        if let Some(bp) = c.base_path(path) {
            seen.insert(path.clone());
            files.push((merge_base.to_string(), bp.to_string(), path.clone()));
        }
    }
    for d in &change.deleted {
        if seen.insert(d.clone()) {
            files.push((merge_base.to_string(), d.clone(), d.clone()));
        }
    }
    // A Terraform module is evaluated as a whole directory: its base needs the unchanged files
    // beside the changed ones.
    let tf_dirs: std::collections::BTreeSet<String> = change
        .files
        .keys()
        .chain(&change.deleted)
        .filter(|p| p.ends_with(".tf") || p.ends_with(".tfvars") || p.ends_with(".tf.json"))
        .map(|p| {
            p.rsplit_once('/')
                .map_or(String::new(), |(d, _)| d.to_string())
        })
        .collect();
    for dir in tf_dirs {
        for p in repo.ls_tree(merge_base, &dir)? {
            if seen.insert(p.clone()) && change.get(&p).is_none() {
                files.push((merge_base.to_string(), p.clone(), p));
            }
        }
    }
    let dir = tempfile::tempdir().context("cannot create a temporary directory")?;
    repo.materialize(&files, dir.path())?;
    let scanners = build_file_scanners(config, names, args.db.as_deref())?;
    let base = scan_path(dir.path(), &scanners, config, &quiet(&args.common))?;
    let mut index = BaseIndex::from_findings(&base.findings);
    if names.iter().any(|n| n == "sca") {
        let ctx = ScanContext::new(dir.path());
        let excludes = walk::build_excludes(&config.exclude)?;
        let inv = rampart_sca::inventory::inventory_tree(&ctx, &excludes)?;
        for p in &inv.packages {
            index.add_package(&p.source_file, &p.osv_ecosystem(), &p.name, &p.version);
        }
    }
    Ok(index)
}

/// The image with the static scanners (secrets on every layer, the rest on the final view) and
/// the image rules; returns the final view's packages for the SBOM.
fn image(
    args: &CiArgs,
    config: &Config,
    reference: &str,
    run: &mut StageRun,
) -> Result<Vec<rampart_sca::Package>> {
    let t0 = Instant::now();
    let started_at = now_rfc3339();
    let names: Vec<String> = ["secrets", "sca", "models", "iac"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut every_layer: Vec<Box<dyn Scanner>> = Vec::new();
    let mut final_view: Vec<Box<dyn Scanner>> = Vec::new();
    for s in build_file_scanners(config, &names, args.db.as_deref())? {
        if s.name() == "secrets" {
            every_layer.push(s);
        } else {
            final_view.push(s);
        }
    }
    run.add_rule_list(rampart_image::checks::ImageRules.rules())?;
    run.add_rules(&every_layer)?;
    run.add_rules(&final_view)?;
    let outcome = super::image::scan_image_ref(
        reference,
        &args.image_source,
        &every_layer,
        final_view,
        args.common.threads,
    )?;
    let mut stats = outcome.stats;
    stats.scanners = vec!["image".into()];
    let result = walk::collect(outcome.output, stats);
    run.absorb(
        vec!["image".into()],
        reference.to_string(),
        started_at,
        t0,
        result,
    )?;
    Ok(outcome.packages)
}

/// The CycloneDX SBOM of the image (when the stage scanned one) or of the tree.
fn sbom(
    args: &CiArgs,
    config: &Config,
    profile: &StageProfile,
    packages: Option<(String, Vec<rampart_sca::Package>)>,
    run: &mut StageRun,
) -> Result<()> {
    let t0 = Instant::now();
    let started_at = now_rfc3339();
    let (name, packages) = match packages {
        Some(p) => p,
        None => {
            let ctx = ScanContext::new(&args.path);
            let excludes = walk::build_excludes(&config.exclude)?;
            let inv = rampart_sca::inventory::inventory_tree(&ctx, &excludes)?;
            let name = args
                .path
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "project".into());
            (name, inv.packages)
        }
    };
    let doc = rampart_sca::sbom::cyclonedx::write(
        &packages,
        &rampart_sca::sbom::SbomMeta::new(name.clone()),
        &[],
    );
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    std::fs::write(&profile.sbom, text)
        .with_context(|| format!("cannot write the SBOM {}", profile.sbom))?;
    run.result.diagnostics.push(Diagnostic {
        level: DiagnosticLevel::Note,
        scanner: "sbom".into(),
        path: None,
        line: None,
        message: format!(
            "CycloneDX SBOM of {name} ({} packages) written to {}",
            packages.len(),
            profile.sbom
        ),
    });
    run.absorb(
        vec!["sbom".into()],
        name,
        started_at,
        t0,
        ScanResult::default(),
    )?;
    Ok(())
}

/// DAST with the LLM probes on, within what is left of the budget.
fn dast(config: &Config, url: &str, run: &mut StageRun) -> Result<()> {
    let t0 = Instant::now();
    let started_at = now_rfc3339();
    let mut cfg = rampart_dast::DastConfig::new(url.to_string());
    cfg.llm = true;
    let left = run.budget.saturating_sub(run.started.elapsed());
    cfg.limits.max_time = cfg.limits.max_time.min(left).max(Duration::from_secs(1));
    let secrets_cfg: rampart_secrets::SecretsConfig = config.scanner_config("secrets")?;
    let inspector = Arc::new(super::dast::SecretsInResponses {
        scanner: rampart_secrets::SecretsScanner::new(secrets_cfg)?,
        ctx: ScanContext::new("."),
    });
    run.add_rule_list(rampart_dast::rules())?;
    run.add_rule_list(rampart_dast::ResponseInspector::rules(inspector.as_ref()))?;
    let inspector: Arc<dyn rampart_dast::ResponseInspector> = inspector;
    let report = rampart_dast::run(cfg, Some(inspector), None)?;
    let s = &report.stats;
    let result = ScanResult {
        findings: report.findings,
        diagnostics: report.diagnostics,
        stats: rampart_core::pipeline::ScanStats {
            files_scanned: s.pages as u64,
            duration_ms: s.duration.as_millis() as u64,
            scanners: vec!["dast".into()],
            ..Default::default()
        },
    };
    run.absorb(vec!["dast".into()], url.to_string(), started_at, t0, result)?;
    Ok(())
}

/// Counts for the gate: unsuppressed, not existing/moved in diff mode, at or above fail-on.
fn gates(f: &Finding, fail_on: Option<Severity>) -> bool {
    let Some(level) = fail_on else { return false };
    !f.is_suppressed()
        && f.severity >= level
        && !matches!(
            DiffStatus::of(f),
            Some(DiffStatus::Existing) | Some(DiffStatus::Moved)
        )
}

fn finish_stage(
    run: StageRun,
    profile: &StageProfile,
    args: &CiArgs,
    matches: Option<&ArgMatches>,
    commit: Option<String>,
    diff_base: Option<String>,
) -> Result<ExitCode> {
    let common = &args.common;
    let targets = common.targets(matches)?;
    if let Some(path) = &common.write_baseline {
        std::fs::write(
            path,
            Baseline::from_findings(&run.result.findings).to_json(),
        )
        .with_context(|| format!("cannot write baseline {}", path.display()))?;
    }
    let stage = profile.stage;
    let gating: Vec<&Finding> = run
        .result
        .findings
        .iter()
        .filter(|f| gates(f, profile.fail_on))
        .collect();
    let failed = !gating.is_empty();

    // SSDF evidence: one record per scanner of each phase.
    let mut evidence = SsdfEvidence {
        configured: vec![ConfiguredStage {
            stage: stage.as_str().into(),
            scanners: profile.scanners.clone(),
            gate: profile.fail_on.is_some(),
            diff: diff_base.is_some(),
        }],
        runs: Vec::new(),
    };
    for p in &run.phases {
        let slice = run.result.findings.get(p.range.clone()).unwrap_or(&[]);
        for s in &p.scanners {
            // A phase of one scanner owns all its findings (an image scan reports the findings
            // of the scanners it runs inside); a tree phase splits them by scanner.
            let own: Vec<&Finding> = slice
                .iter()
                .filter(|f| p.scanners.len() == 1 || f.scanner == *s)
                .collect();
            let findings = own.iter().filter(|f| !f.is_suppressed()).count();
            let gating_n = own.iter().filter(|f| gates(f, profile.fail_on)).count();
            evidence.runs.push(EvidenceRun {
                stage: stage.as_str().into(),
                scanner: s.clone(),
                started_at: p.started_at.clone(),
                duration_ms: p.duration_ms,
                commit: commit.clone(),
                target: p.target.clone(),
                status: match (&p.skipped, gating_n) {
                    (Some(_), _) => "skipped".into(),
                    (None, 0) => "passed".into(),
                    (None, _) => "failed".into(),
                },
                fail_on: profile.fail_on.map(|f| f.as_str().to_string()),
                findings,
                gating: gating_n,
                diff_base: diff_base.clone(),
                note: p.skipped.clone(),
            });
        }
    }

    let comparison = run.baseline.as_ref().map(|(b, name)| {
        rampart_report::BaselineComparison::new(b, name.as_str(), &run.result.findings)
    });
    let extras = Extras {
        baseline: comparison.as_ref(),
        ssdf: Some(&evidence),
    };
    for (format, path) in &targets {
        output::write_with(
            *format,
            &run.result,
            &run.rules,
            common,
            path.as_deref(),
            &extras,
        )?;
    }
    // Annotate what the gate looks at: in diff mode, the new findings only.
    let shown: Vec<Finding> = run
        .result
        .findings
        .iter()
        .filter(|f| {
            !matches!(
                DiffStatus::of(f),
                Some(DiffStatus::Existing) | Some(DiffStatus::Moved)
            )
        })
        .cloned()
        .collect();
    output::github_annotations(&shown, common.show_secrets, &targets);

    // One summary line on stderr, whatever the formats.
    let active = run.result.active().count();
    let mut line = format!(
        "rampart ci --stage {stage}: {active} finding(s), {} gating",
        gating.len()
    );
    match profile.fail_on {
        Some(l) => line.push_str(&format!(" at or above {}", l.as_str())),
        None => line.push_str(" (gate off)"),
    }
    if let Some(d) = &run.diff {
        line.push_str(&format!(
            "; against {} (merge base {}): {} new, {} moved, {} existing",
            d.base,
            &d.merge_base[..d.merge_base.len().min(12)],
            d.counts.new,
            d.counts.moved,
            d.counts.existing
        ));
    } else if stage == Stage::Pr {
        line.push_str("; no diff base (--diff-base REF gates only what a change introduces)");
    }
    line.push_str(&format!(
        "; {:.1}s of a {} budget",
        run.started.elapsed().as_secs_f64(),
        human(run.budget)
    ));
    eprintln!("{line}");
    Ok(if failed {
        ExitCode::from(crate::EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}
