use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{ArgMatches, Args};
use rampart_core::baseline::Baseline;
use rampart_core::config::Config;
use rampart_core::pipeline::{ScanResult, gate_fails, postprocess};
use rampart_core::{RuleRegistry, Severity};
use rampart_report::Format;

use crate::output;

/// Options shared by every command that produces findings.
#[derive(Args, Debug, Clone)]
pub struct CommonArgs {
    /// Output format; repeat for several, each optionally followed by its own --output.
    #[arg(long = "format", short = 'f', value_name = "FORMAT", value_parser = ["table", "json", "sarif", "junit", "markdown", "html", "gitlab-sast", "gitlab-dependency-scanning", "gitlab-secret-detection"])]
    pub formats: Vec<String>,
    /// Write the preceding --format to FILE instead of standard output.
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub outputs: Vec<PathBuf>,
    /// Exit 1 when an unsuppressed finding at or above this severity exists [default: high].
    #[arg(long, value_name = "SEVERITY", value_parser = ["critical", "high", "medium", "low", "info", "none"])]
    pub fail_on: Option<String>,
    /// Configuration file [default: rampart.toml in the scanned directory, if present].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Report only findings that are not in this baseline.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write the current findings as a baseline to FILE.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Print secrets in full instead of redacted.
    #[arg(long)]
    pub show_secrets: bool,
    /// Worker threads (0 = one per core).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// No progress bar.
    #[arg(long)]
    pub no_progress: bool,
}

/// The configuration: `explicit` (`--config`), else `<root>/rampart.toml` when it exists, else
/// defaults. `root` may be a file; its directory is used then.
pub fn load_config(explicit: Option<&Path>, root: &Path) -> Result<Config> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => {
            let dir = if root.is_file() {
                root.parent().unwrap_or(Path::new("."))
            } else {
                root
            };
            let p = dir.join("rampart.toml");
            if !p.is_file() {
                return Ok(Config::default());
            }
            p
        }
    };
    Ok(Config::load(&path)?)
}

impl CommonArgs {
    /// The configuration: `--config`, else `<root>/rampart.toml` when it exists, else defaults.
    pub fn load_config(&self, root: &Path) -> Result<Config> {
        load_config(self.config.as_deref(), root)
    }

    pub fn fail_on(&self, config: &Config) -> Result<Option<Severity>> {
        match self.fail_on.as_deref() {
            Some("none") => Ok(None),
            Some(s) => Ok(Some(s.parse()?)),
            None => Ok(Some(config.fail_on.unwrap_or(Severity::High))),
        }
    }

    /// Pairs each `--output` with the `--format` given just before it on the command line.
    pub fn targets(&self, matches: Option<&ArgMatches>) -> Result<Vec<(Format, Option<PathBuf>)>> {
        if self.formats.is_empty() {
            if self.outputs.len() > 1 {
                bail!("several --output files need a --format before each");
            }
            return Ok(vec![(Format::Table, self.outputs.first().cloned())]);
        }
        let fmt_idx: Vec<usize> = matches
            .and_then(|m| m.indices_of("formats"))
            .map(|i| i.collect())
            .unwrap_or_default();
        let out_idx: Vec<usize> = matches
            .and_then(|m| m.indices_of("outputs"))
            .map(|i| i.collect())
            .unwrap_or_default();
        let mut targets: Vec<(Format, Option<PathBuf>)> = Vec::new();
        for f in &self.formats {
            targets.push((f.parse()?, None));
        }
        for (oi, out) in self.outputs.iter().enumerate() {
            let pos = out_idx.get(oi).copied().unwrap_or(usize::MAX);
            // The last --format before this --output; without indices, pair in order.
            let slot = if fmt_idx.len() == self.formats.len() && pos != usize::MAX {
                fmt_idx.iter().rposition(|&fi| fi < pos)
            } else {
                Some(oi)
            };
            let Some(slot) = slot.filter(|&s| s < targets.len()) else {
                bail!("--output {} has no --format before it", out.display());
            };
            if targets[slot].1.is_some() {
                bail!("--format {} has two --output files", self.formats[slot]);
            }
            targets[slot].1 = Some(out.clone());
        }
        if targets.iter().filter(|t| t.1.is_none()).count() > 1 {
            bail!("only one --format can go to standard output; give the others an --output FILE");
        }
        Ok(targets)
    }

    pub fn progress(&self) -> bool {
        !self.no_progress && std::io::stderr().is_terminal()
    }
}

/// Suppress, write every report, apply the gate. The end of every scanning command.
pub fn finish(
    mut result: ScanResult,
    rules: &RuleRegistry,
    config: &Config,
    common: &CommonArgs,
    matches: Option<&ArgMatches>,
) -> Result<ExitCode> {
    let targets = common.targets(matches)?;
    let baseline = match &common.baseline {
        Some(p) => Some(Baseline::load(p)?),
        None => None,
    };
    let baseline_name = common
        .baseline
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    warn_unknown_rules(&mut result, rules, config);
    let today = jiff::ZonedDateTime::now().date();
    postprocess(
        &mut result,
        config,
        baseline.as_ref().map(|b| (b, baseline_name.as_str())),
        today,
    )?;

    if let Some(path) = &common.write_baseline {
        std::fs::write(path, Baseline::from_findings(&result.findings).to_json())
            .with_context(|| format!("cannot write baseline {}", path.display()))?;
    }
    // The HTML report lists baseline entries that are gone (fixed); the result cannot say that.
    let comparison = baseline.as_ref().map(|b| {
        rampart_report::BaselineComparison::new(b, baseline_name.as_str(), &result.findings)
    });
    for (format, path) in &targets {
        output::write(
            *format,
            &result,
            rules,
            common,
            path.as_deref(),
            comparison.as_ref(),
        )?;
    }
    crate::output::github_annotations(&result.findings, common.show_secrets, &targets);
    let failed = match common.fail_on(config)? {
        Some(level) => gate_fails(&result, level),
        None => false,
    };
    Ok(if failed {
        ExitCode::from(crate::EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// A rule id in `rampart.toml` that names no rule is almost always a typo that silently does
/// nothing; say so. (Rule ids are values, not keys, so the config parser cannot catch them.)
fn warn_unknown_rules(result: &mut ScanResult, rules: &RuleRegistry, config: &Config) {
    use rampart_core::scanner::Diagnostic;
    use rampart_core::suppress::rule_matches;
    if rules.is_empty() {
        return;
    }
    let known = |id: &str| rules.iter().any(|r| rule_matches(&r.id, id));
    for id in config.rules.keys() {
        if rules.get(id).is_none() {
            result.diagnostics.push(Diagnostic::warning(
                "config",
                None,
                format!(
                    "[rules.\"{id}\"] names no rule of the scanners that ran (see `rampart rules`)"
                ),
            ));
        }
    }
    for (i, entry) in config.ignore.iter().enumerate() {
        if let Some(id) = &entry.rule
            && !known(id)
        {
            result.diagnostics.push(Diagnostic::warning(
                "config",
                None,
                format!(
                    "ignore entry {} names rule `{id}`, which no scanner that ran has",
                    i + 1
                ),
            ));
        }
    }
}
