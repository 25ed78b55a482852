//! `rampart secrets [PATH]`: the secrets scanner on its own: a directory (default), a repository's
//! full history (`--git`) or what is staged for the next commit (`--staged`, the pre-commit hook).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Result, bail};
use clap::{ArgMatches, Args};
use rampart_core::pipeline::{ScanResult, ScanStats};
use rampart_core::{Scanner, walk};
use rampart_secrets::{GitScanOptions, SecretsConfig, SecretsScanner};

use super::common::{CommonArgs, finish};
use super::scan::scan_path;
use crate::scanners;

#[derive(Args, Debug)]
pub struct SecretsArgs {
    /// Directory or file to scan; with --git or --staged, the repository.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Scan the full git history: every blob reachable from every ref, each once, attributed to
    /// the commit, author, date and path that introduced it.
    #[arg(long, conflicts_with = "staged")]
    pub git: bool,
    /// Scan only what the index adds over HEAD (for a pre-commit hook).
    #[arg(long)]
    pub staged: bool,
    /// With --git: only commits not reachable from REV.
    #[arg(long, value_name = "REV", requires = "git")]
    pub since_commit: Option<String>,
    /// With --git: only history reachable from BRANCH instead of every ref.
    #[arg(long, value_name = "BRANCH", requires = "git")]
    pub branch: Option<String>,
    /// Ask each secret's provider whether it is live (GitHub, GitLab, Slack, OpenAI, Anthropic,
    /// Hugging Face, AWS STS). Sends each secret to its own provider only. Off by default.
    #[arg(long)]
    pub validate: bool,
    /// Extra directory of rule files in the built-in format; repeatable. Adds to
    /// `[scanner.secrets] rule_dirs`.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

pub fn run(args: SecretsArgs, matches: Option<&ArgMatches>) -> Result<ExitCode> {
    let config = args.common.load_config(&args.path)?;
    let mut cfg: SecretsConfig = config.scanner_config("secrets")?;
    cfg.rule_dirs.extend(args.rules.iter().cloned());
    cfg.validate |= args.validate;
    let scanner = SecretsScanner::new(cfg)?;
    if !args.git && !args.staged {
        let scanners: Vec<Box<dyn Scanner>> = vec![Box::new(scanner)];
        let rules = scanners::registry(&scanners)?;
        let result = scan_path(&args.path, &scanners, &config, &args.common)?;
        return finish(result, &rules, &config, &args.common, matches);
    }
    if !args.path.exists() {
        bail!("{}: no such file or directory", args.path.display());
    }
    let started = Instant::now();
    let rules = {
        let mut reg = rampart_core::RuleRegistry::new();
        for r in scanner.rules() {
            reg.insert(r)?;
        }
        reg
    };
    let stats = |n: u64, bytes: u64, skipped: u64| ScanStats {
        files_scanned: n,
        bytes_scanned: bytes,
        files_skipped: skipped,
        duration_ms: started.elapsed().as_millis() as u64,
        scanners: vec!["secrets".to_string()],
    };
    let result = if args.staged {
        let (out, staged) = rampart_secrets::scan_staged_with_stats(&scanner, &args.path)?;
        walk::collect(out, stats(staged.blobs, staged.bytes, staged.skipped))
    } else {
        let opts = GitScanOptions {
            since_commit: args.since_commit.clone(),
            branch: args.branch.clone(),
        };
        let (out, git_stats) =
            rampart_secrets::scan_git_history_with_stats(&scanner, &args.path, &opts)?;
        // Not `walk::collect`: it sorts locations, and here the first location is the commit
        // that introduced the secret.
        let mut findings = out.findings;
        findings.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then_with(|| a.rule_id.cmp(&b.rule_id))
        });
        ScanResult {
            findings,
            diagnostics: out.diagnostics,
            // In history mode the files scanned are the unique blobs.
            stats: stats(git_stats.blobs, git_stats.bytes, 0),
        }
    };
    finish(result, &rules, &config, &args.common, matches)
}
