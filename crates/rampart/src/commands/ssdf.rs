//! `rampart ssdf [PATH]`: the NIST SSDF (SP 800-218) tasks the configured pipeline stages
//! cover, with the evidence recorded in stage reports (`rampart ci ... --format json`).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Args;
use rampart_pipeline::{Stage, StageProfile};
use rampart_report::ssdf::{ConfiguredStage, SsdfEvidence};

#[derive(Args, Debug)]
pub struct SsdfArgs {
    /// The project whose rampart.toml names the stages.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Configuration file [default: rampart.toml in PATH, if present].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// A JSON report of `rampart ci` whose runs are evidence; repeatable (one per stage).
    #[arg(long = "evidence", value_name = "FILE")]
    pub evidence: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', default_value = "table", value_parser = ["table", "json", "markdown"])]
    pub format: String,
    /// Write to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 unless every task a configured stage covers has evidence in the given reports.
    #[arg(long)]
    pub require_evidence: bool,
}

pub fn run(args: SsdfArgs) -> Result<ExitCode> {
    let config = super::common::load_config(args.config.as_deref(), &args.path)?;
    // The stages rampart.toml configures; without any [stages] table, the five defaults.
    let stages: Vec<Stage> = if config.stages.is_empty() {
        Stage::ALL.to_vec()
    } else {
        let mut v = Vec::new();
        for name in config.stages.keys() {
            v.push(name.parse::<Stage>()?);
        }
        v.sort();
        v
    };
    let mut ev = SsdfEvidence::default();
    for stage in stages {
        let p = StageProfile::resolve(stage, &config.stages, config.fail_on)?;
        ev.configured.push(ConfiguredStage {
            stage: stage.as_str().into(),
            scanners: p.scanners.clone(),
            gate: p.fail_on.is_some(),
            diff: stage == Stage::Pr,
        });
    }
    for file in &args.evidence {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        let doc: serde_json::Value = serde_json::from_str(&text)
            .with_context(|| format!("{}: not a JSON report", file.display()))?;
        let Some(found) = SsdfEvidence::from_report_json(&doc) else {
            bail!(
                "{}: no `ssdf` section (write it with `rampart ci --stage NAME --format json --output FILE`)",
                file.display()
            );
        };
        ev.runs.extend(found.runs);
    }
    let text = match args.format.as_str() {
        "json" => {
            let mut t = serde_json::to_string_pretty(&ev.to_json())?;
            t.push('\n');
            t
        }
        "markdown" => ev.render_markdown(),
        _ => ev.render_text(),
    };
    match &args.output {
        Some(p) => {
            std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display()))?
        }
        None => print!("{text}"),
    }
    let missing = ev
        .coverage()
        .iter()
        .filter(|t| t.status == rampart_report::ssdf::TaskStatus::Configured)
        .count();
    if args.require_evidence && missing > 0 {
        eprintln!(
            "{missing} task(s) covered by a configured stage have no evidence in the given reports"
        );
        return Ok(ExitCode::from(crate::EXIT_FINDINGS));
    }
    Ok(ExitCode::SUCCESS)
}
