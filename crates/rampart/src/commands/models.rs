//! `rampart models [PATH]`: the model-artifact scanner on its own.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{ArgMatches, Args};
use rampart_core::Scanner;

use super::common::{CommonArgs, finish};
use super::scan::scan_path;
use crate::scanners;

#[derive(Args, Debug)]
pub struct ModelsArgs {
    /// Directory or model file to scan.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Also treat this pickle global as safe (`module.name` or `module.*`); adds to
    /// `[scanner.models] allow_globals`. Never overrides the dangerous list.
    #[arg(long = "allow-global", value_name = "GLOBAL")]
    pub allow_globals: Vec<String>,
    /// Do not report imports that are on neither the safe nor the dangerous list.
    #[arg(long)]
    pub no_unreviewed: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

pub fn run(args: ModelsArgs, matches: Option<&ArgMatches>) -> Result<ExitCode> {
    let config = args.common.load_config(&args.path)?;
    let mut cfg: rampart_models::ModelsConfig = config.scanner_config("models")?;
    cfg.allow_globals.extend(args.allow_globals.iter().cloned());
    if args.no_unreviewed {
        cfg.report_unreviewed = Some(false);
    }
    let scanner: Box<dyn Scanner> = Box::new(rampart_models::ModelsScanner::new(cfg)?);
    let scanners = vec![scanner];
    let rules = scanners::registry(&scanners)?;
    let result = scan_path(&args.path, &scanners, &config, &args.common)?;
    finish(result, &rules, &config, &args.common, matches)
}
