use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::{ArgMatches, Args};
use rampart_core::config::Config;
use rampart_core::pipeline::ScanResult;
use rampart_core::scanner::{ScanContext, ScanOptions};
use rampart_core::{Scanner, walk};

use super::common::{CommonArgs, finish};
use crate::scanners;

#[derive(Args, Debug)]
pub struct ScanArgs {
    /// Directory (or file) to scan.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Run only these scanners (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub scanners: Option<Vec<String>>,
    #[command(flatten)]
    pub common: CommonArgs,
}

pub fn run(args: ScanArgs, matches: Option<&ArgMatches>) -> Result<ExitCode> {
    let config = args.common.load_config(&args.path)?;
    let scanners = scanners::build(&config, args.scanners.as_deref())?;
    let rules = scanners::registry(&scanners)?;
    let result = scan_path(&args.path, &scanners, &config, &args.common)?;
    finish(result, &rules, &config, &args.common, matches)
}

/// Walks `path` with `scanners`: the shared body of `rampart scan` and the per-scanner commands.
pub fn scan_path(
    path: &std::path::Path,
    scanners: &[Box<dyn Scanner>],
    config: &Config,
    common: &CommonArgs,
) -> Result<ScanResult> {
    if !path.exists() {
        bail!("{}: no such file or directory", path.display());
    }
    let options = ScanOptions {
        max_file_size: config
            .max_file_size
            .unwrap_or(ScanOptions::default().max_file_size),
        threads: common.threads,
        progress: common.progress(),
        ..ScanOptions::default()
    };
    let ctx = ScanContext {
        root: path.to_path_buf(),
        options,
    };
    let excludes = walk::build_excludes(&config.exclude)?;
    let bar = ctx.options.progress.then(|| {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} files {elapsed} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb.enable_steady_tick(std::time::Duration::from_millis(120));
        pb
    });
    let on_file = |rel: &str| {
        if let Some(pb) = &bar {
            pb.inc(1);
            pb.set_message(rel.to_string());
        }
    };
    let result = walk::scan_tree(&ctx, scanners, &excludes, &on_file)?;
    if let Some(pb) = bar {
        pb.finish_and_clear();
    }
    Ok(result)
}
